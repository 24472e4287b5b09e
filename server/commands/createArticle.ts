import crypto from 'node:crypto';
import * as Y from 'yjs';
import { initialArticleState } from '../../shared/article/initialArticleState.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import { readSummary } from '../collab/readSummary.ts';

/** A new URL-safe story id: 12 characters, 72 random bits. */
export function newArticleId(): string {
  return crypto.randomBytes(9).toString('base64url');
}

/**
 * Creates a story: its row and its first document (headline, empty standfirst, one empty
 * paragraph) in one transaction. Only the server seeds documents; browsers never do.
 */
export async function createArticle(deps: { articleStore: ArticleStore }, input: { headline: string }): Promise<ArticleRecord> {
  const state = initialArticleState(input.headline);
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const summary = readSummary(ydoc);
  ydoc.destroy();
  const now = new Date().toISOString();
  const record: ArticleRecord = {
    id: newArticleId(),
    status: 'draft',
    ...summary,
    createdAt: now,
    updatedAt: now,
  };
  await deps.articleStore.create(record, state);
  return record;
}
