import * as Y from 'yjs';
import type { DocStore } from '../../storage/DocStore.ts';

/** What `store` holds for the story right now (snapshot merged with its log), as a fresh Y.Doc. */
export async function storedDoc(store: DocStore, articleId: string): Promise<Y.Doc> {
  const { state } = await store.load(articleId);
  const ydoc = new Y.Doc();
  if (state) Y.applyUpdate(ydoc, state);
  return ydoc;
}
