/** Names of the shared types inside a story's Y.Doc. Both sides use these, never literals. */
export const DOC_FIELD = 'default';
export const META_MAP = 'meta';

/** Keys of the `meta` Y.Map. `tags` is a Y.Array<string>; the rest are strings. */
export const META_KEYS = ['byline', 'slug', 'section', 'tags'] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** A plain snapshot of the `meta` map. */
export interface ArticleMeta {
  byline: string;
  slug: string;
  section: string;
  tags: string[];
}

/** Top-level Y.Map of the story's comment threads, thread id → thread (shared/review/commentThreads.ts). */
export const COMMENTS_MAP = 'comments';
