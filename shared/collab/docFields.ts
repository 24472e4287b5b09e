import type { BylineAuthor } from '../article/byline.ts';

/** Names of the shared types inside a story's Y.Doc. Both sides use these, never literals. */
export const DOC_FIELD = 'default';
export const META_MAP = 'meta';

/**
 * Keys of the `meta` Y.Map. `tags` is a Y.Array<string>; `authors` a Y.Array of plain
 * `{ name, username? }` objects (shared/article/byline.ts), absent in stories written before
 * bylines named people; the rest are strings. `byline` is the authors' plain-text form, kept for
 * readers that know only a string.
 */
export const META_KEYS = ['byline', 'slug', 'section', 'tags', 'authors'] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** A plain snapshot of the `meta` map. */
export interface ArticleMeta {
  byline: string;
  /** The byline's authors; absent when the story has only the plain-text byline (`authorsOf` parses it then). */
  authors?: BylineAuthor[];
  slug: string;
  section: string;
  tags: string[];
}

/** Top-level Y.Map of the story's comment threads, thread id → thread (shared/review/commentThreads.ts). */
export const COMMENTS_MAP = 'comments';
