/**
 * This device's copies of stories (IndexedDB), one database per account and story, so an edit
 * typed by one person is never sent under another's session on a shared machine; signing out
 * deletes the account's copies. Copies holding changes the server has not stored are marked, per
 * open session of them (unsavedMarks.ts), each mark its own localStorage entry so tabs never write
 * over each other's; signing out warns before it deletes them, or words the server undid (keptWords.ts).
 */

import { copiesWithKeptWords, forgetKeptWords } from './keptWords.ts';
import { EARLIER_SESSION, markedNames, markingSessions, parseMarks, withoutMarks, type UnsavedMarks } from './unsavedMarks.ts';

const REGISTRY_KEY = 'copydesk-local-stores';
/** One entry per mark: `copydesk-unsaved:<copy>:<session>` → when it was last set. */
const MARK_PREFIX = 'copydesk-unsaved:';
/** Where marks were kept before they were per session: a list of copies (or copy → session → time). */
const EARLIER_MARKS_KEY = 'copydesk-unsaved-stores';

/** The IndexedDB database holding `username`'s copy of a story on this device. */
export function localStoreName(username: string, articleId: string): string {
  return `copydesk-${encodeURIComponent(username)}-story-${articleId}`;
}

function readRegistry(): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(REGISTRY_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}

/** Remembers that `username` keeps a copy in `name`, so signing out can delete it. */
export function rememberLocalStore(username: string, name: string): void {
  const registry = readRegistry();
  const names = new Set(registry[username] ?? []);
  if (names.has(name)) return;
  names.add(name);
  registry[username] = [...names];
  localStorage.setItem(REGISTRY_KEY, JSON.stringify(registry));
}

/** Deletes the copy `name` on this device. */
export function deleteLocalStore(name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** Deletes every story copy `username` kept on this device, with their marks and kept words. */
export async function forgetLocalStores(username: string): Promise<void> {
  const registry = readRegistry();
  const names = registry[username] ?? [];
  delete registry[username];
  localStorage.setItem(REGISTRY_KEY, JSON.stringify(registry));
  const marks = readMarks();
  for (const name of names) removeMarks(name, markingSessions(marks, name));
  forgetKeptWords(names);
  await Promise.all(names.map(deleteLocalStore));
}

const markKey = (name: string, session: string) => `${MARK_PREFIX}${name}:${session}`;

function readEarlierMarks(): UnsavedMarks {
  try {
    return parseMarks(JSON.parse(localStorage.getItem(EARLIER_MARKS_KEY) ?? '{}'));
  } catch {
    return {};
  }
}

/** Every mark on this device. */
function readMarks(): UnsavedMarks {
  const marks = readEarlierMarks();
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (!key?.startsWith(MARK_PREFIX)) continue;
    const split = key.lastIndexOf(':');
    const name = key.slice(MARK_PREFIX.length, split);
    const at = Number(localStorage.getItem(key));
    if (split > MARK_PREFIX.length && Number.isFinite(at)) (marks[name] ??= {})[key.slice(split + 1)] = at;
  }
  return marks;
}

function removeMarks(name: string, sessions: readonly string[]): void {
  for (const session of sessions) localStorage.removeItem(markKey(name, session));
  if (!sessions.includes(EARLIER_SESSION)) return;
  const earlier = readEarlierMarks();
  if (!earlier[name]) return;
  delete earlier[name];
  if (Object.keys(earlier).length === 0) localStorage.removeItem(EARLIER_MARKS_KEY);
  else localStorage.setItem(EARLIER_MARKS_KEY, JSON.stringify(earlier));
}

/** Marks the copy `name` as holding changes of `session` the server has not stored (see unsavedMarks.ts). */
export function markUnsaved(name: string, session: string, now: number): void {
  localStorage.setItem(markKey(name, session), String(now));
}

/**
 * `session` saved everything it holds of copy `name`: clears its mark, and those of sessions whose
 * changes were in the copy when it loaded it (at `loadedAt`; null when it has not loaded it), see withoutMarks.
 */
export function clearUnsaved(name: string, session: string, loadedAt: number | null, closedAtLoad: ReadonlySet<string>): void {
  const marks = readMarks();
  const left = new Set(markingSessions(withoutMarks(marks, name, session, loadedAt, closedAtLoad), name));
  removeMarks(
    name,
    markingSessions(marks, name).filter((other) => !left.has(other)),
  );
}

/** The sessions with a mark on copy `name` now. */
export function sessionsMarking(name: string): string[] {
  return markingSessions(readMarks(), name);
}

/** How many of `username`'s copies on this device hold changes the server has not stored, or words it undid. */
export function unsavedStoreCount(username: string): number {
  const names = readRegistry()[username] ?? [];
  const unsaved = markedNames(readMarks());
  for (const name of copiesWithKeptWords(names)) unsaved.add(name);
  return names.filter((name) => unsaved.has(name)).length;
}
