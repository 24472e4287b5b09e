import * as Y from 'yjs';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { readStoredState } from './readStoredState.ts';

/** A story as the SQLite file in `dataDir` holds it now, read through a connection of its own (an empty doc when nothing is stored). */
export function storedStory(dataDir: string, articleId: string): Y.Doc {
  const db = openDatabase(dataDir);
  try {
    const doc = new Y.Doc();
    const state = readStoredState(db, articleId);
    if (state) Y.applyUpdate(doc, state);
    return doc;
  } finally {
    db.close();
  }
}
