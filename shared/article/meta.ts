import * as Y from 'yjs';
import { META_MAP, type ArticleMeta } from '../collab/docFields.ts';
import { formatByline, normalizeAuthors, type BylineAuthor } from './byline.ts';

/** The meta fields that hold a plain string. */
export type MetaTextKey = 'byline' | 'slug' | 'section';

/** The story's `meta` Y.Map. */
export function metaMap(ydoc: Y.Doc): Y.Map<unknown> {
  return ydoc.getMap(META_MAP);
}

/** Trims, drops empty entries and duplicates (case-insensitive, the first spelling wins). */
export function normalizeTags(tags: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    if (typeof raw !== 'string') continue;
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/** A plain snapshot of the meta map; missing or malformed fields read as empty. */
export function readMeta(ydoc: Y.Doc): ArticleMeta {
  const map = metaMap(ydoc);
  const text = (key: MetaTextKey): string => {
    const value = map.get(key);
    return typeof value === 'string' ? value : '';
  };
  const tags = map.get('tags');
  const rawTags = tags instanceof Y.Array ? tags.toArray() : Array.isArray(tags) ? tags : [];
  const authors = map.get('authors');
  return {
    byline: text('byline'),
    slug: text('slug'),
    section: text('section'),
    tags: normalizeTags(rawTags),
    ...(authors instanceof Y.Array ? { authors: normalizeAuthors(authors.toArray()) } : {}),
  };
}

/**
 * Makes the byline name `authors` (normalized): the `authors` list replaced and the plain-text
 * `byline` set to their names ("A, B and C") in one transaction, so readers of either agree.
 */
export function setAuthors(ydoc: Y.Doc, authors: readonly BylineAuthor[], origin?: unknown): void {
  const next = normalizeAuthors(authors);
  const map = metaMap(ydoc);
  ydoc.transact(() => {
    let list = map.get('authors');
    if (!(list instanceof Y.Array)) {
      list = new Y.Array<BylineAuthor>();
      map.set('authors', list);
    }
    const array = list as Y.Array<unknown>;
    if (JSON.stringify(array.toArray()) !== JSON.stringify(next)) {
      array.delete(0, array.length);
      array.insert(0, next);
    }
    const byline = formatByline(next);
    if (map.get('byline') !== byline) map.set('byline', byline);
  }, origin);
}

/** Sets a string meta field; no update is produced when the value is unchanged. */
export function setMetaText(ydoc: Y.Doc, key: MetaTextKey, value: string, origin?: unknown): void {
  const map = metaMap(ydoc);
  if (map.get(key) === value) return;
  ydoc.transact(() => map.set(key, value), origin);
}

/**
 * Makes the tags list equal to `tags` (normalized) with the smallest edit: tags kept in place,
 * removed ones deleted, new ones inserted where they belong. Two people adding different tags at
 * once therefore both keep theirs, instead of one replacing the other's whole list.
 */
export function setTags(ydoc: Y.Doc, tags: readonly string[], origin?: unknown): void {
  const next = normalizeTags(tags);
  const map = metaMap(ydoc);
  ydoc.transact(() => {
    let list = map.get('tags');
    if (!(list instanceof Y.Array)) {
      list = new Y.Array<string>();
      map.set('tags', list);
    }
    const array = list as Y.Array<unknown>;
    const wanted = new Set(next);
    const kept = new Set<string>();
    const current = array.toArray();
    for (let i = current.length - 1; i >= 0; i -= 1) {
      const item = current[i];
      if (typeof item !== 'string' || !wanted.has(item) || current.indexOf(item) !== i) array.delete(i, 1);
      else kept.add(item);
    }
    let pos = 0;
    for (const tag of next) {
      const items = array.toArray();
      if (items[pos] === tag) {
        pos += 1;
        continue;
      }
      const later = kept.has(tag) ? items.indexOf(tag, pos) : -1;
      if (later > pos) array.delete(later, 1);
      array.insert(pos, [tag]);
      pos += 1;
    }
  }, origin);
}

/**
 * Calls `callback` with a fresh snapshot whenever any meta field changes, locally or remotely.
 * Returns the function that stops observing.
 */
export function observeMeta(ydoc: Y.Doc, callback: (meta: ArticleMeta) => void): () => void {
  const map = metaMap(ydoc);
  const handler = (): void => callback(readMeta(ydoc));
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}
