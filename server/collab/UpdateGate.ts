import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { COMMENTS_MAP, DOC_FIELD, META_MAP } from '../../shared/collab/docFields.ts';
import { fragmentJson } from '../../shared/collab/fragmentJson.ts';
import { onlySuggests, type SuggestionAuthor } from './onlySuggests.ts';
import { rootOf } from './rootOf.ts';
import { undoneRuns } from './undoneRuns.ts';
import type { WordRun } from './GatheredWords.ts';
import { wordsIntoDeletedBlocks } from './wordsIntoDeletedBlocks.ts';
import { soleClient, soleClientStart, structGroups } from './updateClients.ts';

/** What a client's update may change. */
export interface GateRules {
  /** Only suggestions and rejecting them: suggesting is required of this user right now. */
  suggestionsOnly: boolean;
  /** Who sends: every new suggestion must be in this account's name. */
  author?: SuggestionAuthor;
}

/**
 * Why an update was undone: comment threads are written by the server only; a plain edit (words
 * or story details) while suggesting is required; the story would no longer fit the article schema.
 */
export type GateRefusal = 'comments' | 'not_a_suggestion' | 'schema' | 'malformed';

/**
 * Checks the story after a client's transaction, looking only at what it touched (called before
 * the transaction's observers run); null when the story still fits.
 */
export type SchemaCheck = (ydoc: Y.Doc, transaction: Y.Transaction) => { message: string } | null;

/** The update being applied: what the check of its transaction needs. */
interface Applying {
  update: Uint8Array;
  origin: unknown;
  before: JSONContent | null;
  author: SuggestionAuthor | undefined;
  failure: unknown;
  refusal: GateRefusal | null;
  undo: Y.UndoManager | null;
  /** Whether the story took exactly `update`'s structs, nothing held and nothing before (see exactUpdate). */
  exact: boolean;
  /** Whether a held part was put back for this update. */
  resumed: boolean;
}

/**
 * The part of one socket's updates that waits for structs the story lacks (Yjs "pending"):
 * kept out of the story so no other transaction integrates it unchecked, and put back when the same
 * socket sends its next update, which is checked together with it.
 */
export interface HeldUpdate {
  structs: { missing: Map<number, number>; update: Uint8Array } | null;
  ds: Uint8Array | null;
  /** Size in bytes, for the per-socket bound. */
  bytes: number;
}

/** Where a socket's held part lives between its updates (owned by the document, one per socket). */
export interface HeldSlot {
  held: HeldUpdate | null;
}

const NO_RUNS: readonly WordRun[] = Object.freeze([]);

const storyJson = (ydoc: Y.Doc): JSONContent => fragmentJson(ydoc.getXmlFragment(DOC_FIELD));

/**
 * Checks a client's update on the live story itself, inside the transaction that applies it, before
 * anyone hears of it. An update that touches the comment threads (the server writes them for the
 * REST routes), that leaves the story outside the article schema, or, while suggesting is required,
 * changes the words or the story details other than by suggesting, is not dropped (the sender holds
 * it already, and everything it types next builds on it) but undone right after as one forward
 * change everyone receives, the sender included: the story never keeps it and every replica converges.
 * No second copy of the story is kept: only a refused update pays for its undo.
 */
export class UpdateGate {
  readonly #live: Y.Doc;
  readonly #schemaCheck: SchemaCheck | null;
  /** The roots a refusal undoes: the story, its details, its comment threads. */
  readonly #undoScope: ReadonlySet<Y.AbstractType<any>>;
  /** The reason of the last refusal, for the log. */
  lastDetail: string | null = null;
  /**
   * The words the last update typed that the story does not keep: undone with it when it was refused
   * (see undoneRuns), or typed into a block deleted before it came, by the server's undo or by a
   * colleague (see wordsIntoDeletedBlocks). They go back to the writer.
   */
  lastUndoneRuns: readonly WordRun[] = NO_RUNS;
  #applying: Applying | null = null;

  constructor(live: Y.Doc, schemaCheck: SchemaCheck | null = null) {
    this.#live = live;
    this.#schemaCheck = schemaCheck;
    // Define the roots before any update arrives: a root first met inside an update is created as a
    // generic type, and the typed one defined later would not be the instance its changes name.
    this.#undoScope = new Set([live.getXmlFragment(DOC_FIELD), live.getMap(META_MAP), live.getMap(COMMENTS_MAP)]);
    live.on('beforeObserverCalls', this.#check);
  }

  /**
   * The client's own bytes, when `transaction` is the one applying them and the story took exactly
   * their structs: the bytes then say what the transaction did (its deletions perhaps with some the
   * story had already made, which change nothing wherever they are applied again), so they can be
   * stored and relayed as they came, and Yjs need not encode the transaction again. Null otherwise
   * (a part held back or put back, a malformed update, an update of several clients, a server change).
   */
  exactUpdate(transaction: Y.Transaction): Uint8Array | null {
    const applying = this.#applying;
    return applying !== null && applying.exact && transaction.origin === applying.origin ? applying.update : null;
  }

  /** Stops checking. */
  destroy(): void {
    this.#live.off('beforeObserverCalls', this.#check);
  }

  // Runs at the end of the transaction applying a client's update, with its after-state known and
  // before any observer or 'afterTransaction' listener: a refusal's UndoManager created here still
  // records the transaction, and keeps what it deleted from garbage collection.
  #check = (transaction: Y.Transaction): void => {
    const applying = this.#applying;
    if (!applying || transaction.origin !== applying.origin) return;
    applying.refusal = applying.failure === null ? this.#judge(transaction, applying.before, applying.author) : 'malformed';
    applying.exact = applying.failure === null && !applying.resumed && tookExactly(transaction, applying.update);
    // Accepted, it may still have typed into blocks deleted before it came: the story keeps nothing of those words.
    if (!applying.refusal) this.lastUndoneRuns = wordsIntoDeletedBlocks(transaction, applying.update);
    if (applying.refusal) {
      applying.undo = new Y.UndoManager([...this.#undoScope], {
        trackedOrigins: new Set([applying.origin]),
        captureTimeout: 0,
      });
    }
  };

  /**
   * Applies `update` to the live story with `origin`; when the rules refuse it, undoes it at once
   * with `refusedOrigin`. `slot` holds the sender's part waiting for missing structs: it is put
   * back before and taken out after, so only the sender's own next update can complete it.
   * Returns why the update was refused, or null. Throws (after undoing what it integrated) when
   * the update is malformed.
   */
  apply(update: Uint8Array, origin: unknown, refusedOrigin: unknown, rules: GateRules, slot: HeldSlot | null = null): GateRefusal | null {
    const live = this.#live;
    const store = live.store;
    const resumed = !!slot?.held;
    if (slot?.held) {
      store.pendingStructs = slot.held.structs;
      store.pendingDs = slot.held.ds;
      slot.held = null;
    }
    this.lastUndoneRuns = NO_RUNS;
    const applying: Applying = {
      update,
      origin,
      before: rules.suggestionsOnly ? storyJson(live) : null,
      author: rules.author,
      failure: null,
      refusal: null,
      undo: null,
      exact: false,
      resumed,
    };
    this.#applying = applying;
    try {
      live.transact(() => {
        try {
          Y.applyUpdate(live, update);
        } catch (error) {
          // A malformed update may fail after integrating part of itself: that part is undone too.
          applying.failure = error;
        }
      }, origin);
    } finally {
      this.#applying = null;
      this.#takePending(slot);
    }
    const manager = applying.undo as Y.UndoManager | null;
    if (manager) {
      live.transact((transaction) => {
        const insertions = manager.undoStack.at(-1)?.insertions;
        if (insertions && applying.failure === null) this.lastUndoneRuns = undoneRuns(transaction, insertions, this.#undoScope);
        manager.undo();
      }, refusedOrigin);
      manager.destroy();
    }
    if (applying.failure !== null) throw applying.failure;
    return applying.refusal;
  }

  #takePending(slot: HeldSlot | null): void {
    const store = this.#live.store;
    const { pendingStructs: structs, pendingDs: ds } = store;
    store.pendingStructs = null;
    store.pendingDs = null;
    if (!slot || (!structs && !ds)) return;
    slot.held = { structs, ds, bytes: (structs?.update.byteLength ?? 0) + (ds?.byteLength ?? 0) };
  }

  #judge(transaction: Y.Transaction, before: JSONContent | null, author: SuggestionAuthor | undefined): GateRefusal | null {
    const live = this.#live;
    const comments = live.getMap(COMMENTS_MAP);
    const story = live.getXmlFragment(DOC_FIELD);
    const meta = live.getMap(META_MAP);
    let touchesStory = false;
    let touchesMeta = false;
    for (const type of transaction.changed.keys()) {
      const root = rootOf(type);
      if (root === comments) {
        this.lastDetail = 'the comment threads are written by the server';
        return 'comments';
      }
      if (root === story) touchesStory = true;
      else if (root === meta) touchesMeta = true;
    }
    if (!touchesStory && !touchesMeta) return null;
    if (before && touchesMeta) {
      this.lastDetail = 'story details may not change while suggesting is required';
      return 'not_a_suggestion';
    }
    if (this.#schemaCheck) {
      const violation = this.#schemaCheck(live, transaction);
      if (violation) {
        this.lastDetail = violation.message;
        return 'schema';
      }
    }
    if (before && touchesStory && !onlySuggests(before, storyJson(live), author)) {
      this.lastDetail = 'a plain edit while suggesting is required';
      return 'not_a_suggestion';
    }
    return null;
  }
}

/**
 * Whether `transaction` integrated exactly the structs of `update` and nothing else: an update of one
 * client whose structs start where the story's clock for that client stood (so none was known
 * already), nothing left waiting for missing structs, and something changed. Structs of one client
 * in an update are contiguous, so all of them are new. An update of no structs (deletions only)
 * counts when it deleted something.
 */
function tookExactly(transaction: Y.Transaction, update: Uint8Array): boolean {
  const store = transaction.doc.store;
  if (store.pendingStructs !== null || store.pendingDs !== null) return false;
  const groups = structGroups(update);
  if (groups === 0) return transaction.deleteSet.clients.size > 0;
  if (groups !== 1) return false;
  const client = soleClient(update);
  const before = transaction.beforeState.get(client) ?? 0;
  if (soleClientStart(update) !== before) return false;
  return transaction.afterState.get(client) !== before || transaction.deleteSet.clients.size > 0;
}
