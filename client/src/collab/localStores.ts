/**
 * This device's copies of stories (IndexedDB), one database per account and story, so an edit
 * typed by one person is never sent under another's session on a shared machine; signing out
 * deletes the account's copies. Copies holding changes the server has not stored are marked, per
 * open session of them (unsavedMarks.ts), so signing out can warn before it deletes them.
 */

import { forgetKeptWords } from './keptWords.ts';
import { markedNames, markingSessions, parseMarks, withMark, withoutMarks, type UnsavedMarks } from './unsavedMarks.ts';

const REGISTRY_KEY = 'copydesk-local-stores';
const UNSAVED_KEY = 'copydesk-unsaved-stores';

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

/** Deletes every story copy `username` kept on this device. */
export async function forgetLocalStores(username: string): Promise<void> {
  const registry = readRegistry();
  const names = registry[username] ?? [];
  delete registry[username];
  localStorage.setItem(REGISTRY_KEY, JSON.stringify(registry));
  const marks = readMarks();
  for (const name of names) delete marks[name];
  writeMarks(marks);
  forgetKeptWords(names);
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

function readMarks(): UnsavedMarks {
  try {
    return parseMarks(JSON.parse(localStorage.getItem(UNSAVED_KEY) ?? '{}'));
  } catch {
    return {};
  }
}

function writeMarks(marks: UnsavedMarks): void {
  if (Object.keys(marks).length === 0) localStorage.removeItem(UNSAVED_KEY);
  else localStorage.setItem(UNSAVED_KEY, JSON.stringify(marks));
}

/** Marks the copy `name` as holding changes of `session` the server has not stored (see unsavedMarks.ts). */
export function markUnsaved(name: string, session: string, now: number): void {
  writeMarks(withMark(readMarks(), name, session, now));
}

/**
 * `session` saved everything it holds of copy `name`: clears its mark, and those of sessions whose
 * changes were in the copy when it loaded it (at `loadedAt`; null when it has not loaded it), see withoutMarks.
 */
export function clearUnsaved(name: string, session: string, loadedAt: number | null, closedAtLoad: ReadonlySet<string>): void {
  writeMarks(withoutMarks(readMarks(), name, session, loadedAt, closedAtLoad));
}

/** The sessions with a mark on copy `name` now. */
export function sessionsMarking(name: string): string[] {
  return markingSessions(readMarks(), name);
}

/** How many of `username`'s copies on this device hold changes the server has not stored. */
export function unsavedStoreCount(username: string): number {
  const unsaved = markedNames(readMarks());
  return (readRegistry()[username] ?? []).filter((name) => unsaved.has(name)).length;
}
