import type * as Y from 'yjs';
import { articleNode } from '../../shared/article/articleNode.ts';
import type { TransactionOrigin } from '../collab/origins.ts';
import type { Version } from '../storage/VersionStore.ts';
import { captureVersion } from './captureVersion.ts';
import type { VersionDeps } from './VersionDeps.ts';
import { loadUpdateYFragment } from './loadUpdateYFragment.ts';
import { writeArticle } from './writeArticle.ts';

/** Which version to bring back into which live story, and who asks. */
export interface RestoreRequest {
  articleId: string;
  /** The story's LIVE Y.Doc (the open CollabDocument's), so everyone in the story receives the change. */
  ydoc: Y.Doc;
  /** The version's number within the story. */
  version: number;
  by: string;
  /** Usernames who edited since the previous version; they are recorded on the version kept before restoring. */
  editors?: readonly string[];
}

export type RestoreResult =
  | { ok: true; restored: Version; before: Version }
  | { ok: false; reason: 'not_found' };

/**
 * Restores an old version as a new forward change: first keeps the current state as a `restore`
 * version ("Before restoring version n"), so nothing between the two is lost, then writes the old
 * content into the live document in one transaction with a server origin, which the collaboration
 * server stores and relays to everyone. Concurrent edits merge with it like any other edit.
 */
export async function restoreVersion(deps: VersionDeps, request: RestoreRequest): Promise<RestoreResult> {
  const restored = await deps.versions.get(request.articleId, request.version);
  if (!restored) return { ok: false, reason: 'not_found' };
  // Refuse a version the schema no longer accepts before keeping anything.
  articleNode(restored.doc.doc);
  const capture = await captureVersion(deps, {
    articleId: request.articleId,
    ydoc: request.ydoc,
    kind: 'restore',
    name: `Before restoring version ${restored.number}`,
    by: request.by,
    editors: request.editors ?? [],
  });
  if (!capture.captured) throw new Error('a restore version is always captured');
  const origin: TransactionOrigin = {
    kind: 'server',
    reason: `restore version ${restored.number} by ${request.by}`,
    made: { kind: 'restore', by: request.by, detail: String(restored.number) },
  };
  writeArticle(request.ydoc, restored.doc, origin, await loadUpdateYFragment());
  return { ok: true, restored, before: capture.version };
}
