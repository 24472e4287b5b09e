import * as Y from 'yjs';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { readStoredState } from './readStoredState.ts';

/** A story as the SQLite file in `dataDir` holds it now, read through a connection of its own; throws when nothing is stored for it. */
export function storedStory(dataDir: string, articleId: string): Y.Doc {
  const db = openDatabase(dataDir);
  try {
    const state = readStoredState(db, articleId);
    if (!state) throw new Error(`nothing is stored for story ${articleId} in ${dataDir}`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  } finally {
    db.close();
  }
}
