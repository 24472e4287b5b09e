import * as Y from 'yjs';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { DocStore } from '../storage/DocStore.ts';

/** A story's content: from its live document when it is open, else from storage. */
export function readStory(deps: { registry: DocumentRegistry; docStore: DocStore }, articleId: string): ArticleJson {
  const live = deps.registry.loaded(articleId);
  if (live) return readArticle(live.ydoc);
  const ydoc = new Y.Doc();
  try {
    const state = deps.docStore.load(articleId);
    if (state) Y.applyUpdate(ydoc, state);
    return readArticle(ydoc);
  } finally {
    ydoc.destroy();
  }
}
