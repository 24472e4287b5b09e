import * as Y from 'yjs';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import { summarize } from '../../shared/article/summarize.ts';
import type { Version, VersionKind } from '../storage/VersionStore.ts';
import type { VersionDeps } from './VersionDeps.ts';

/** What to capture: the story's live (or loaded) Y.Doc and why. */
export interface CaptureRequest {
  articleId: string;
  ydoc: Y.Doc;
  kind: VersionKind;
  name?: string | null;
  /** Username of whoever caused the version; null when the server takes it on its own. */
  by: string | null;
  /** Usernames of everyone who edited since the previous version. */
  editors: readonly string[];
}

export type CaptureResult = { captured: true; version: Version } | { captured: false; reason: 'unchanged'; latest: Version };

/** Whether two story snapshots hold the same content (meta and document). */
export function sameContent(a: ArticleJson, b: ArticleJson): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Stores a version of the story as it is now: its whole Yjs state, its JSON and word count.
 * An `auto` version is skipped when the content equals the newest version's: the JSON is compared,
 * not state vectors, because a deletion changes the document without moving its state vector.
 * Every other kind is always stored (a transition or a name marks a moment, even an unchanged one).
 */
export async function captureVersion(deps: VersionDeps, request: CaptureRequest): Promise<CaptureResult> {
  // Read together and before any wait: the document may change (or be unloaded) meanwhile.
  const doc = readArticle(request.ydoc);
  const state = Y.encodeStateAsUpdate(request.ydoc);
  const createdAt = deps.clock.now().toISOString();
  if (request.kind === 'auto') {
    const latest = await deps.versions.latestFor(request.articleId);
    if (latest && sameContent(latest.doc, doc)) return { captured: false, reason: 'unchanged', latest };
  }
  const version = await deps.versions.insert({
    articleId: request.articleId,
    kind: request.kind,
    name: request.name?.trim() || null,
    createdAt,
    createdBy: request.by,
    editors: [...new Set(request.editors)],
    wordCount: summarize(doc).wordCount,
    state,
    doc,
  });
  return { captured: true, version };
}
