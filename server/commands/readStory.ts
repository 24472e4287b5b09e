import * as Y from 'yjs';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { DocStore } from '../storage/DocStore.ts';
import { readStoredState } from '../storage/readStoredState.ts';

/** A story's content: from its live document when it is open, else from storage. */
export async function readStory(
  deps: { registry: Pick<DocumentRegistry, 'loaded'>; docStore: Pick<DocStore, 'load' | 'release'> },
  articleId: string,
): Promise<ArticleJson> {
  const live = deps.registry.loaded(articleId);
  if (live) return readArticle(live.ydoc);
  const state = await readStoredState(deps.docStore, articleId);
  // Opened meanwhile: the live document may hold edits not yet stored.
  const opened = deps.registry.loaded(articleId);
  if (opened) return readArticle(opened.ydoc);
  const ydoc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(ydoc, state);
    return readArticle(ydoc);
  } finally {
    ydoc.destroy();
  }
}
