import type { ArticleMeta } from '../collab/docFields.ts';
import { normalizeAuthors } from './byline.ts';
import { normalizeTags } from './meta.ts';

/** Article meta from untrusted data: non-string fields read as empty, tags trimmed and de-duplicated, authors kept when they are a list. */
export function normalizeMeta(meta: unknown): ArticleMeta {
  const record = meta !== null && typeof meta === 'object' ? (meta as Record<string, unknown>) : {};
  const text = (key: string): string => (typeof record[key] === 'string' ? (record[key] as string) : '');
  return {
    byline: text('byline'),
    slug: text('slug'),
    section: text('section'),
    tags: Array.isArray(record.tags) ? normalizeTags(record.tags) : [],
    ...(Array.isArray(record.authors) ? { authors: normalizeAuthors(record.authors) } : {}),
  };
}
