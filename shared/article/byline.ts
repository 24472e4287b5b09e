import { z } from 'zod';

/** Longest name of one author, in characters. */
export const AUTHOR_NAME_MAX_LENGTH = 120;
/** Most authors one byline may name. */
export const AUTHORS_MAX = 20;

/**
 * One author of a story: an account of the desk (`username`, with its display name as `name`,
 * refreshed from the people directory before anything is exported) or a free-text `name`
 * (a stringer, an agency, "Staff").
 */
export interface BylineAuthor {
  name: string;
  username?: string;
}

/** An author as it may arrive from a client or an old document; `normalizeAuthors` cleans it. */
export const BylineAuthorSchema = z.object({
  name: z.string().max(AUTHOR_NAME_MAX_LENGTH),
  username: z.string().max(64).optional(),
});

/** "By Rita Porter" → "Rita Porter": the word "By" is the page's, not the byline's. */
function withoutBy(text: string): string {
  return text.replace(/^\s*by(?:\s+|$)/i, '');
}

function clean(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/**
 * The authors a plain-text byline names, as free-text authors: "Rita Porter and Ed Itor",
 * "A, B and C", "A, B, and C", "A & B" and "By A and B" all split; a lone name stays one author.
 * An empty byline names nobody.
 */
export function parseByline(byline: string): BylineAuthor[] {
  const text = clean(withoutBy(clean(byline)));
  if (text === '') return [];
  return text
    .split(/\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/i)
    .map(clean)
    .filter((name) => name !== '')
    .map((name) => ({ name }));
}

/**
 * The plain-text byline of a list of authors, for readers that know only a string:
 * "A", "A and B", "A, B and C".
 */
export function formatByline(authors: readonly BylineAuthor[]): string {
  const names = authors.map((author) => clean(author.name)).filter((name) => name !== '');
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Authors from untrusted data: entries that are not `{ name, username? }` dropped, names trimmed,
 * an account named twice (or a free-text name repeated, case-insensitively) kept once, at most
 * `AUTHORS_MAX`. An account author with an empty name keeps its username as its name.
 */
export function normalizeAuthors(raw: readonly unknown[]): BylineAuthor[] {
  const result: BylineAuthor[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    if (entry === null || typeof entry !== 'object') continue;
    const record = entry as Record<string, unknown>;
    const username = typeof record.username === 'string' && record.username.trim() !== '' ? record.username.trim() : undefined;
    const name = clean(typeof record.name === 'string' ? record.name : '').slice(0, AUTHOR_NAME_MAX_LENGTH) || username || '';
    if (name === '') continue;
    const key = username !== undefined ? `@${username.toLowerCase()}` : `=${name.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(username !== undefined ? { name, username } : { name });
    if (result.length === AUTHORS_MAX) break;
  }
  return result;
}

/**
 * The authors of a story's meta: its structured list when it has one, else the authors its
 * plain-text byline names (stories written before bylines named people).
 */
export function authorsOf(meta: { byline: string; authors?: readonly BylineAuthor[] }): BylineAuthor[] {
  return meta.authors !== undefined ? normalizeAuthors(meta.authors) : parseByline(meta.byline);
}

/** The plain-text byline of a story's meta, without a leading "By": what pages print after "By ". */
export function bylineOf(meta: { byline: string; authors?: readonly BylineAuthor[] }): string {
  return formatByline(authorsOf(meta));
}

/**
 * The authors with every account author's name taken from `displayNames` (username → display
 * name, as the people directory has it now); an account not in it keeps the name stored with it.
 * Exports are pure: the server resolves names with this before calling them.
 */
export function resolveAuthors(authors: readonly BylineAuthor[], displayNames: ReadonlyMap<string, string>): BylineAuthor[] {
  return authors.map((author) => {
    if (author.username === undefined) return author;
    const current = displayNames.get(author.username.toLowerCase());
    return current ? { name: current, username: author.username } : author;
  });
}
