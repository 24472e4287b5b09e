import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { COMMENTS_MAP, DOC_FIELD } from '../../shared/collab/docFields.ts';
import { onlySuggests } from './onlySuggests.ts';

/** What a client's update may change. */
export interface GateRules {
  /** Only suggestions and resolving them: suggesting is required of this user right now. */
  suggestionsOnly: boolean;
}

/** Why an update was undone: comment threads are written by the server only; a plain edit while suggesting is required. */
export type GateRefusal = 'comments' | 'not_a_suggestion';

const PROBE_ORIGIN = Symbol('probe');

function replicaOf(live: Y.Doc): Y.Doc {
  const replica = new Y.Doc({ gc: live.gc });
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(live));
  return replica;
}

// `any`: Yjs types are invariant in their event type, and a root may be any of them.
function rootOf(type: Y.AbstractType<any>): Y.AbstractType<any> {
  let current = type;
  while (current._item) current = current._item.parent as Y.AbstractType<any>;
  return current;
}

const storyJson = (ydoc: Y.Doc): JSONContent => yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(DOC_FIELD)) as JSONContent;

/**
 * Checks what a client's update would change on a replica of the live story before the story sees
 * it. An update that touches the comment threads (the server writes them for the REST routes, with
 * the signed-in author) or, while suggesting is required, changes the words other than by
 * suggesting or resolving, is not dropped (the sender holds it already, and everything it types
 * next builds on it) but applied together with its undo, as one forward change everyone receives,
 * the sender included: the story never shows it, and every replica converges.
 */
export class UpdateGate {
  readonly #live: Y.Doc;
  #probe: Y.Doc;
  #changed: Array<Y.AbstractType<any>> = [];

  constructor(live: Y.Doc) {
    this.#live = live;
    this.#probe = this.#newProbe();
    live.on('update', this.#mirror);
  }

  /**
   * Applies `update` to the live story with `origin`, or, when the rules refuse it, the update and
   * its undo with `refusedOrigin`. Returns why it was refused, or null.
   */
  apply(update: Uint8Array, origin: unknown, refusedOrigin: unknown, rules: GateRules): GateRefusal | null {
    const undo = new Y.UndoManager([this.#probe.getXmlFragment(DOC_FIELD), this.#probe.getMap(COMMENTS_MAP)], {
      trackedOrigins: new Set([PROBE_ORIGIN]),
      captureTimeout: 0,
    });
    let refusal: GateRefusal | null;
    let integrated: Uint8Array | null = null;
    const capture = (applied: Uint8Array, appliedOrigin: unknown): void => {
      if (appliedOrigin === PROBE_ORIGIN) integrated = applied;
    };
    this.#probe.on('update', capture);
    try {
      const before = rules.suggestionsOnly ? storyJson(this.#probe) : null;
      this.#changed = [];
      Y.applyUpdate(this.#probe, update, PROBE_ORIGIN);
      this.#dropPending();
      refusal = this.#judge(before);
      if (refusal) undo.undo();
    } catch (error) {
      this.#probe.off('update', capture);
      undo.destroy();
      this.#reset();
      throw error;
    }
    this.#probe.off('update', capture);
    undo.destroy();
    if (!refusal) {
      // Only what the replica integrated: the live story never holds a part waiting for its dependencies.
      if (integrated) Y.applyUpdate(this.#live, integrated, origin);
      return null;
    }
    Y.applyUpdate(this.#live, Y.encodeStateAsUpdate(this.#probe, Y.encodeStateVector(this.#live)), refusedOrigin);
    return refusal;
  }

  /** Stops following the live story. */
  destroy(): void {
    this.#live.off('update', this.#mirror);
    this.#probe.destroy();
  }

  #judge(before: JSONContent | null): GateRefusal | null {
    const comments = this.#probe.getMap(COMMENTS_MAP);
    const story = this.#probe.getXmlFragment(DOC_FIELD);
    let touchesStory = false;
    for (const type of this.#changed) {
      const root = rootOf(type);
      if (root === comments) return 'comments';
      if (root === story) touchesStory = true;
    }
    if (before && touchesStory && !onlySuggests(before, storyJson(this.#probe))) return 'not_a_suggestion';
    return null;
  }

  /**
   * Forgets the part of an update that waits for structs the story lacks. Yjs would integrate it in
   * whichever later transaction supplies them (a mirrored server change, another socket's update),
   * unchecked and under that transaction's origin. A client that really holds the missing part
   * sends it again in its next sync step 2 (its state vector is ahead of the story's).
   */
  #dropPending(): void {
    this.#probe.store.pendingStructs = null;
    this.#probe.store.pendingDs = null;
  }

  #newProbe(): Y.Doc {
    const probe = replicaOf(this.#live);
    probe.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === PROBE_ORIGIN) this.#changed.push(...transaction.changed.keys());
    });
    return probe;
  }

  #reset(): void {
    this.#probe.destroy();
    this.#probe = this.#newProbe();
  }

  // Keeps the replica equal to the story; an update the probe already holds is a no-op.
  #mirror = (update: Uint8Array): void => {
    Y.applyUpdate(this.#probe, update);
  };
}
