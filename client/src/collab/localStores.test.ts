import { beforeEach, describe, expect, it } from 'vitest';
import { keepWords } from './keptWords.ts';
import { clearUnsaved, localStoreName, markUnsaved, rememberLocalStore, sessionsMarking, unsavedStoreCount } from './localStores.ts';
import { useMemoryLocalStorage, type MemoryStorage } from './test/memoryStorage.ts';
import { LOADED_MARGIN_MS } from './unsavedMarks.ts';

describe('unsaved marks on this device, one entry per session', () => {
  let storage: MemoryStorage;
  const story = localStoreName('nellie', 'story-1');
  beforeEach(() => {
    storage = useMemoryLocalStorage();
    rememberLocalStore('nellie', story);
  });

  it('two tabs mark without writing over each other; a save clears only what it holds', () => {
    const loadedAt = 100_000;
    markUnsaved(story, 'tab-a', loadedAt + 10);
    markUnsaved(story, 'tab-b', loadedAt + 20);
    expect(sessionsMarking(story).sort()).toEqual(['tab-a', 'tab-b']);
    expect(unsavedStoreCount('nellie')).toBe(1);
    clearUnsaved(story, 'tab-a', loadedAt, new Set());
    expect(sessionsMarking(story)).toEqual(['tab-b']);
    expect(unsavedStoreCount('nellie')).toBe(1);
    clearUnsaved(story, 'tab-b', loadedAt, new Set());
    expect(unsavedStoreCount('nellie')).toBe(0);
    expect(storage.length).toBe(1); // the registry of copies only
  });

  it('a save clears the marks of sessions closed before it loaded the copy, and earlier marks', () => {
    const loadedAt = 100_000;
    storage.setItem('copydesk-unsaved-stores', JSON.stringify([story]));
    markUnsaved(story, 'reloaded', loadedAt - 100);
    markUnsaved(story, 'long-ago', loadedAt - LOADED_MARGIN_MS - 1);
    markUnsaved(story, 'open-tab', loadedAt - 100);
    clearUnsaved(story, 'this-tab', loadedAt, new Set(['reloaded']));
    expect(sessionsMarking(story)).toEqual(['open-tab']);
    expect(storage.getItem('copydesk-unsaved-stores')).toBeNull();
  });

  it('counts a copy with undone words kept as something signing out would delete', () => {
    expect(unsavedStoreCount('nellie')).toBe(0);
    keepWords(story, ['Crews worked through the night.'], false);
    expect(unsavedStoreCount('nellie')).toBe(1);
    expect(unsavedStoreCount('someone-else')).toBe(0);
  });
});
