/**
 * This device's copies of stories (IndexedDB), one database per account and story, so an edit
 * typed by one person is never sent under another's session on a shared machine; signing out
 * deletes the account's copies. Copies holding changes the server has not stored are marked, so
 * signing out can warn before it deletes them.
 */

import { forgetKeptWords } from './keptWords.ts';

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
  for (const name of names) markUnsaved(name, false);
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

function readUnsaved(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(UNSAVED_KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Marks the copy `name` as holding changes the server has not stored (or clears the mark once it has). */
export function markUnsaved(name: string, unsaved: boolean): void {
  const names = readUnsaved();
  if (names.has(name) === unsaved) return;
  if (unsaved) names.add(name);
  else names.delete(name);
  localStorage.setItem(UNSAVED_KEY, JSON.stringify([...names]));
}

/** How many of `username`'s copies on this device hold changes the server has not stored. */
export function unsavedStoreCount(username: string): number {
  const unsaved = readUnsaved();
  return (readRegistry()[username] ?? []).filter((name) => unsaved.has(name)).length;
}
