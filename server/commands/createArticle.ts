import crypto from 'node:crypto';
import * as Y from 'yjs';
import { initialArticleState } from '../../shared/article/initialArticleState.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import { summaryOf } from '../collab/readSummary.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import { searchDocumentOf } from '../search/searchDocumentOf.ts';
import type { SearchIndex } from '../storage/SearchIndex.ts';
import type { AuthorshipStore } from '../storage/AuthorshipStore.ts';
import { seedAttribution } from '../collab/seedAttribution.ts';

/** A new URL-safe story id: 12 characters, 72 random bits. */
export function newArticleId(): string {
  return crypto.randomBytes(9).toString('base64url');
}

/**
 * Creates a story: its row and its first document (headline, empty standfirst, one empty
 * paragraph) in one transaction. Only the server seeds documents; browsers never do.
 */
export async function createArticle(
  deps: { articleStore: ArticleStore; searchIndex?: SearchIndex | null; authorship?: AuthorshipStore | null },
  input: { headline: string; by?: string },
): Promise<ArticleRecord> {
  const state = initialArticleState(input.headline);
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const article = readArticle(ydoc);
  const summary = summaryOf(article);
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
  // Joins the caller's transaction, as the row does: a new story is searchable at once.
  await deps.searchIndex?.put(record.id, searchDocumentOf(article));
  // The headline is written by the server for `by`: its authorship is "created by".
  await deps.authorship?.recordAll([seedAttribution(record.id, state, 'create', input.by ?? null)]);
  return record;
}
