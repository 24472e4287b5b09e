import * as Y from 'yjs';
import { BylineAuthorSchema } from '../../shared/article/byline.ts';
import { META_KEYS } from '../../shared/collab/docFields.ts';
import type { SchemaViolation } from './SchemaViolation.ts';

/**
 * Why the story's `meta` map does not hold what readers of it expect, or null: byline, slug and
 * section are strings (or absent), tags a Y.Array of strings (or absent), authors a Y.Array of
 * `{ name, username? }` objects (or absent), and there is no other key.
 */
export function metaViolation(meta: Y.Map<unknown>): SchemaViolation | null {
  for (const [key, value] of meta.entries()) {
    if (!(META_KEYS as readonly string[]).includes(key)) return { path: `meta.${key}`, message: `Unknown meta field ${key}` };
    if (key === 'tags') {
      if (!(value instanceof Y.Array)) return { path: 'meta.tags', message: 'Meta field tags must be a list (Y.Array) of strings' };
      const tags = value.toArray() as unknown[];
      const bad = tags.findIndex((tag) => typeof tag !== 'string');
      if (bad >= 0) return { path: `meta.tags[${bad}]`, message: 'Meta field tags must hold strings only' };
    } else if (key === 'authors') {
      if (!(value instanceof Y.Array)) return { path: 'meta.authors', message: 'Meta field authors must be a list (Y.Array) of authors' };
      const bad = (value.toArray() as unknown[]).findIndex((author) => !BylineAuthorSchema.strict().safeParse(author).success);
      if (bad >= 0) return { path: `meta.authors[${bad}]`, message: 'An author is { name, username? }, both strings' };
    } else if (typeof value !== 'string') {
      return { path: `meta.${key}`, message: `Meta field ${key} must be a string` };
    }
  }
  return null;
}
