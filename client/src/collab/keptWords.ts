/**
 * Words of the writer's that the server undid in a story (see shared/collab/refusalNotice.ts), kept
 * on this device per copy of the story until she dismisses them, so a reload does not lose them
 * either. Runs are kept as typed (spaces and all, so a sentence sent back in pieces joins up) and
 * shown trimmed. Signing out warns while any are kept, then forgets them with the account's copies.
 */

const KEPT_WORDS_KEY = 'copydesk-undone-words';
/** The server's ids of the notices whose words are kept (or were), per copy: a notice fetched and also received is kept once. */
const KEPT_NOTICES_KEY = 'copydesk-undone-words-notices';
/** Ids remembered per copy (the latest). */
export const MAX_KEPT_NOTICE_IDS = 500;

/** At most this many runs of words are kept per story, and this many characters (the latest ones). */
export const MAX_KEPT_RUNS = 50;
export const MAX_KEPT_CHARS = 100_000;

/** The lists kept under `key`, by copy (an unreadable value reads as none). */
function readByCopy<T>(key: string): Record<string, T[]> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, T[]>) : {};
  } catch {
    return {};
  }
}

function writeByCopy<T>(key: string, all: Record<string, T[]>): void {
  if (Object.keys(all).length === 0) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(all));
}

const readAll = () => readByCopy<string>(KEPT_WORDS_KEY);
const writeAll = (all: Record<string, string[]>) => writeByCopy(KEPT_WORDS_KEY, all);
const readNotices = () => readByCopy<number>(KEPT_NOTICES_KEY);
const writeNotices = (all: Record<string, number[]>) => writeByCopy(KEPT_NOTICES_KEY, all);

/** Whether a `storage` event is about kept words (another tab kept or dismissed some). */
export function isKeptWordsKey(key: string | null): boolean {
  return key === null || key === KEPT_WORDS_KEY;
}

/** The undone words kept for the copy `name`, oldest first, as typed. */
export function readKeptWords(name: string): string[] {
  const words = readAll()[name];
  return Array.isArray(words) ? words.filter((run): run is string => typeof run === 'string') : [];
}

/** The runs worth showing: trimmed, blank ones left out. */
export function wordsToShow(kept: readonly string[]): string[] {
  return kept.map((run) => run.trim()).filter((run) => run !== '');
}

/**
 * Adds `words` to those kept for `name`, the first joined to the last kept run when it `continues`
 * it (keeping the latest, within the limits); returns what is kept now.
 */
export function keepWords(name: string, words: readonly string[], continues: boolean): string[] {
  const all = readAll();
  const kept = readKeptWords(name);
  const [first, ...rest] = words;
  if (first !== undefined && continues && kept.length > 0) kept[kept.length - 1] += first;
  else if (first !== undefined) kept.push(first);
  kept.push(...rest);
  const latest = kept.slice(-MAX_KEPT_RUNS);
  let chars = latest.reduce((sum, run) => sum + run.length, 0);
  while (latest.length > 1 && chars > MAX_KEPT_CHARS) chars -= latest.shift()!.length;
  all[name] = latest;
  writeAll(all);
  return latest;
}

/** Forgets, of the words kept for `name`, the runs in `shown` (what one tab showed): words another tab kept since stay. */
export function dismissKeptWords(name: string, shown: readonly string[]): string[] {
  const all = readAll();
  const left = readKeptWords(name);
  for (const run of shown) {
    const at = left.indexOf(run);
    if (at !== -1) left.splice(at, 1);
  }
  if (left.length > 0) all[name] = left;
  else delete all[name];
  writeAll(all);
  return left;
}

/** The copies in `names` with words kept. */
export function copiesWithKeptWords(names: readonly string[]): string[] {
  const all = readAll();
  return names.filter((name) => Array.isArray(all[name]) && wordsToShow(all[name]).length > 0);
}

/** Forgets the words kept for each copy in `names`. */
export function forgetKeptWords(names: readonly string[]): void {
  const all = readAll();
  for (const name of names) delete all[name];
  writeAll(all);
  const notices = readNotices();
  for (const name of names) delete notices[name];
  writeNotices(notices);
}


/**
 * Keeps the words of a notice for `name` (see keepWords) unless this device kept those of its `id`
 * already (from the socket, a fetch, or another tab); the id is noted only once the words are
 * stored, so a full localStorage never marks words as kept that are not. Returns what is kept now,
 * or null when nothing was added. A notice without an id (one the server could not keep) is kept.
 */
export function keepNotice(name: string, { id, words, continues }: { id?: number | undefined; words: readonly string[]; continues: boolean }): string[] | null {
  const ids = id === undefined ? [] : keptNoticeIds(name);
  if (words.length === 0 || (id !== undefined && ids.includes(id))) return null;
  const kept = keepWords(name, words, continues);
  if (id !== undefined) {
    const all = readNotices();
    all[name] = [...ids, id].slice(-MAX_KEPT_NOTICE_IDS);
    writeNotices(all);
  }
  return kept;
}

function keptNoticeIds(name: string): number[] {
  const ids = readNotices()[name];
  return Array.isArray(ids) ? ids.filter((seen) => typeof seen === 'number') : [];
}
