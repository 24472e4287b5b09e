import type { Node as PMNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { articleNode } from '../../shared/article/articleNode.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import type { TransactionOrigin } from '../collab/origins.ts';
import type { Version } from '../storage/VersionStore.ts';
import { captureVersion } from './captureVersion.ts';
import { loadUpdateYFragment, type UpdateYFragment } from './loadUpdateYFragment.ts';
import { planBlockRestore, type BlockRestoreChange, type BlockRestorePlan } from './matchBlocks.ts';
import type { VersionDeps } from './VersionDeps.ts';

/** Which block of which version to put back into which live story, and who asks. */
export interface BlockRestoreRequest {
  articleId: string;
  /** The story's LIVE Y.Doc (the open CollabDocument's), so everyone in the story receives the change. */
  ydoc: Y.Doc;
  version: Version;
  /** Index of the block among the version's top-level blocks (0 is the headline). */
  block: number;
  by: string;
  /** Takes the usernames who edited since the previous version, for the version kept before restoring. */
  takeEditors: () => readonly string[];
}

export type BlockRestoreResult =
  | {
      ok: true;
      change: BlockRestoreChange;
      /** Index of the restored block among the story's top-level blocks now. */
      at: number;
      /** The block's node type: paragraph, figure, relatedLink… */
      type: string;
      /** The block's text, for the activity log. */
      text: string;
      /** The version kept just before, or null when the newest version already held the story as it was. */
      before: Version | null;
    }
  | { ok: false; reason: 'block_not_found' };

/**
 * Puts one block of an old version back into the live story (matchBlocks.ts says where) as one
 * forward change with a server origin, which the collaboration server stores and relays to everyone
 * like any server change. Only that block's Yjs element is written (y-tiptap's `updateYFragment`
 * on it, or on a new element for an insertion), so typing anywhere else in the story, before or
 * concurrently, is kept. When the block replaces content the newest version does not hold, the story
 * is kept first as a `restore` version, so nothing is lost. Throws a RangeError when the version or the story does not fit the schema.
 */
export async function restoreBlock(deps: VersionDeps, request: BlockRestoreRequest): Promise<BlockRestoreResult> {
  const old = articleNode(request.version.doc.doc);
  const first = planBlockRestore(old, articleNode(readArticle(request.ydoc).doc), request.block);
  if (!first) return { ok: false, reason: 'block_not_found' };
  const describe = (change: BlockRestoreChange, at: number, before: Version | null): BlockRestoreResult => ({
    ok: true,
    change,
    at,
    type: first.block.type.name,
    text: first.block.textContent,
    before,
  });
  if (first.change === 'unchanged') return describe('unchanged', first.at, null);

  // Keep the story as it is first, unless what the block replaces is in the newest version already.
  let before: Version | null = null;
  if (first.replaced && !(await keptInLatest(deps, request.articleId, first.replaced))) {
    const capture = await captureVersion(deps, {
      articleId: request.articleId,
      ydoc: request.ydoc,
      kind: 'restore',
      name: `Before restoring a block of version ${request.version.number}`,
      by: request.by,
      editors: request.takeEditors(),
    });
    if (capture.captured) before = capture.version;
  }
  const updateYFragment = await loadUpdateYFragment();
  // The story may have changed while the version was stored: plan again on what it holds now.
  const plan = planBlockRestore(old, articleNode(readArticle(request.ydoc).doc), request.block);
  if (!plan) return { ok: false, reason: 'block_not_found' };
  if (plan.change === 'unchanged') return describe('unchanged', plan.at, before);
  const origin: TransactionOrigin = {
    kind: 'server',
    reason: `restore block ${request.block} of version ${request.version.number} by ${request.by}`,
    made: { kind: 'block_restore', by: request.by, detail: String(request.version.number) },
  };
  writeBlockRestore(request.ydoc, plan, origin, updateYFragment);
  return describe(plan.change, plan.at, before);
}

/** Whether the newest version of the story holds a block equal to `block`. */
async function keptInLatest(deps: VersionDeps, articleId: string, block: PMNode): Promise<boolean> {
  const latest = await deps.versions.latestFor(articleId);
  if (!latest) return false;
  let found = false;
  articleNode(latest.doc.doc).forEach((child) => {
    found ||= child.eq(block);
  });
  return found;
}

const meta = () => ({ mapping: new Map(), isOMark: new Map() });
// The outer transaction carries our origin; y-tiptap's inner transact joins it.
const joined = { transact: (fn: () => void) => fn() };

/**
 * Writes a planned block restore into the story's fragment in one transaction with `origin`: that
 * block's element only (updated, or created at its place), when the fragment mirrors the document.
 * `updateYFragment` is y-prosemirror's (`loadUpdateYFragment`).
 */
export function writeBlockRestore(ydoc: Y.Doc, plan: BlockRestorePlan, origin: TransactionOrigin, updateYFragment: UpdateYFragment): void {
  const { change, at, block, doc: whole } = plan;
  if (change === 'unchanged') return;
  const fragment = ydoc.getXmlFragment(DOC_FIELD);
  const expected = change === 'inserted' ? whole.childCount - 1 : whole.childCount;
  ydoc.transact(() => {
    const element = fragment.get(at);
    if (fragment.length !== expected || (change === 'replaced' && !(element instanceof Y.XmlElement && element.nodeName === block.type.name))) {
      // The fragment holds something the document reading skipped: let y-tiptap reconcile the whole.
      updateYFragment(joined, fragment, whole, meta());
      return;
    }
    if (change === 'replaced') {
      updateYFragment(joined, element as Y.XmlElement, block, meta());
    } else {
      const fresh = new Y.XmlElement(block.type.name);
      fragment.insert(at, [fresh]);
      updateYFragment(joined, fresh, block, meta());
    }
  }, origin);
}
