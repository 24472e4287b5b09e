/**
 * Words of the writer's that the server undid in a story (see shared/collab/refusalNotice.ts), kept
 * on this device per copy of the story until she dismisses them, so a reload does not lose them
 * either. Signing out forgets them with the account's copies.
 */

const KEPT_WORDS_KEY = 'copydesk-undone-words';

/** At most this many runs of words are kept per story, and this many characters (the latest ones). */
export const MAX_KEPT_RUNS = 50;
export const MAX_KEPT_CHARS = 100_000;

function readAll(): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEPT_WORDS_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}

function writeAll(all: Record<string, string[]>): void {
  if (Object.keys(all).length === 0) localStorage.removeItem(KEPT_WORDS_KEY);
  else localStorage.setItem(KEPT_WORDS_KEY, JSON.stringify(all));
}

/** The undone words kept for the copy `name`, oldest first. */
export function readKeptWords(name: string): string[] {
  const words = readAll()[name];
  return Array.isArray(words) ? words.filter((run): run is string => typeof run === 'string') : [];
}

/** Adds `words` to those kept for `name` (keeping the latest, within the limits); returns what is kept now. */
export function keepWords(name: string, words: readonly string[]): string[] {
  const all = readAll();
  const kept = [...readKeptWords(name), ...words].slice(-MAX_KEPT_RUNS);
  let chars = kept.reduce((sum, run) => sum + run.length, 0);
  while (kept.length > 1 && chars > MAX_KEPT_CHARS) chars -= kept.shift()!.length;
  all[name] = kept;
  writeAll(all);
  return kept;
}

/** Forgets the words kept for each copy in `names`. */
export function forgetKeptWords(names: readonly string[]): void {
  const all = readAll();
  for (const name of names) delete all[name];
  writeAll(all);
}
