// Test helpers: stories as Y.Docs, and the schema check run the way the server runs it on a client's update.
import * as Y from 'yjs';
import type { ArticleJson } from '../../../shared/article/ArticleJson.ts';
import { articleState } from '../../../shared/article/articleState.ts';
import { fixtureArticleJson } from '../../../shared/article/fixtureArticle.ts';
import { schemaViolation, type SchemaViolation } from '../storyFitsSchema.ts';
import { touchedTypes } from '../touchedTypes.ts';

/** A Y.Doc holding `article` (the fixture story by default), as the server seeds it. */
export function storyYDoc(article: ArticleJson = fixtureArticleJson()): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, articleState(article));
  return ydoc;
}

/** A replica of `ydoc` with its own client id: what a client holds after syncing. */
export function replicaOf(ydoc: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(ydoc));
  return replica;
}

/**
 * Applies `update` to `server` as a client's update and returns what `schemaViolation` says about
 * the transaction that integrated it (touched = `touchedTypes(transaction)`).
 */
export function checkedApply(server: Y.Doc, update: Uint8Array): SchemaViolation | null {
  const origin = Symbol('client');
  let touched: Array<Y.AbstractType<any>> = [];
  const collect = (transaction: Y.Transaction): void => {
    if (transaction.origin === origin) touched = touchedTypes(transaction);
  };
  server.on('afterTransaction', collect);
  try {
    Y.applyUpdate(server, update, origin);
  } finally {
    server.off('afterTransaction', collect);
  }
  return schemaViolation(server, touched);
}

/** Makes `edit` on a fresh replica of `server` (as a plain Yjs client would) and checks it arriving at `server`. */
export function clientEdit(server: Y.Doc, edit: (client: Y.Doc) => void): SchemaViolation | null {
  const client = replicaOf(server);
  client.transact(() => edit(client));
  const violation = checkedApply(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
  client.destroy();
  return violation;
}
