import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SaveTracker } from '../../../client/src/collab/SaveTracker.ts';
import { SCHEMA_VERSION } from '../../../shared/editor/version.ts';
import { authedWebSocket, type Auth } from '../helpers.ts';
import { tokenOf, tokensIn, typeToken, writerOf } from './storyTokens.ts';

/**
 * A headless journalist on one story: a Y.Doc synced by y-websocket's WebsocketProvider, with the
 * browser's own SaveTracker deciding what is "saved". It types unique tokens and remembers which
 * ones it typed and which ones the server had answered as saved.
 */
export class Writer {
  readonly ydoc = new Y.Doc();
  /** Every token this writer typed, in order. */
  readonly typed: string[] = [];
  /** Tokens typed before a moment SaveTracker said everything was saved. */
  readonly saved = new Set<string>();
  #provider!: WebsocketProvider;
  #tracker!: SaveTracker;
  #unsubscribe: () => void = () => {};

  constructor(
    /** Token prefix, `<letter><digits>x<digits>` (see storyTokens.ts). */
    readonly name: string,
    readonly articleId: string,
    baseUrl: string,
    auth: Auth,
  ) {
    this.connectTo(baseUrl, auth);
  }

  /** The current provider (replaced by connectTo). */
  get provider(): WebsocketProvider {
    return this.#provider;
  }

  /** Whether SaveTracker reports every local change as saved. */
  get allSaved(): boolean {
    return !this.#tracker.hasUnsavedChanges;
  }

  /** Whether the provider has synced with the server on its current connection. */
  get synced(): boolean {
    return this.#provider.synced;
  }

  /**
   * Drops the current provider (if any) and syncs the same Y.Doc with the server at `baseUrl`, as a
   * browser tab does when the server comes back on another address: its unsaved edits go along.
   */
  connectTo(baseUrl: string, auth: Auth): void {
    this.#teardown();
    this.#provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, this.articleId, this.ydoc, {
      WebSocketPolyfill: authedWebSocket(auth) as unknown as typeof globalThis.WebSocket,
      params: { schemaVersion: SCHEMA_VERSION },
      disableBc: true,
      maxBackoffTime: 200,
    });
    this.#tracker = new SaveTracker(this.ydoc, this.#provider);
    this.#unsubscribe = this.#tracker.subscribe(() => {
      if (!this.#tracker.hasUnsavedChanges) for (const token of this.typed) this.saved.add(token);
    });
  }

  /** Types this writer's next token somewhere in the body and returns it. */
  type(random: () => number): string {
    const token = tokenOf(this.name, this.typed.length);
    this.typed.push(token);
    typeToken(this.ydoc, token, random);
    return token;
  }

  /** Tokens of other writers this writer's copy holds: everything the server relayed to it, or a tab shared. */
  received(): string[] {
    return [...tokensIn(this.ydoc)].filter((token) => writerOf(token) !== this.name);
  }

  disconnect(): void {
    this.#provider.disconnect();
  }

  connect(): void {
    this.#provider.connect();
  }

  destroy(): void {
    this.#teardown();
    this.ydoc.destroy();
  }

  #teardown(): void {
    if (!this.#provider) return;
    this.#unsubscribe();
    this.#tracker.destroy();
    this.#provider.destroy();
  }
}
