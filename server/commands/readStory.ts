import * as Y from 'yjs';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { StoredStateReader } from '../storage/DocStore.ts';

/** A story's content: from its live document when it is open, else from storage. */
export function readStory(deps: { registry: DocumentRegistry; docStore: StoredStateReader }, articleId: string): ArticleJson {
  const live = deps.registry.loaded(articleId);
  if (live) return readArticle(live.ydoc);
  const ydoc = new Y.Doc();
  try {
    const state = deps.docStore.readStateNow(articleId);
    if (state) Y.applyUpdate(ydoc, state);
    return readArticle(ydoc);
  } finally {
    ydoc.destroy();
  }
}
