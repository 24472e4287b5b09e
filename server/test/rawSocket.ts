import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { SCHEMA_VERSION } from '../../shared/editor/version.ts';
import type { Auth } from './helpers.ts';

/** A hand-driven socket on a story: what it received, and its close code (or the HTTP status of a refused handshake). */
export interface RawSocket {
  ws: WebSocket;
  /** Every binary frame the server sent, in order. */
  received: Buffer[];
  /** The close code, or `http <status>` when the handshake was refused. */
  closed: Promise<number | string>;
  /** Resolves once the server's first frame arrived. */
  greeted: Promise<void>;
  send(frame: Uint8Array): void;
  /** Sends a sync step 1 and resolves at the server's step 2: every frame sent before it has been handled. */
  barrier(): Promise<void>;
}

/** Opens `ws://…/collab/:id` with the cookie and Origin given (none when absent). */
export function openRawSocket(baseUrl: string, articleId: string, options: { auth?: Auth | null; origin?: string } = {}): RawSocket {
  const headers: Record<string, string> = options.auth ? { cookie: options.auth.cookie } : {};
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/${articleId}?schemaVersion=${SCHEMA_VERSION}`, {
    headers,
    ...(options.origin === undefined ? {} : { origin: options.origin }),
  });
  const received: Buffer[] = [];
  const waiters: Array<() => void> = [];
  let greet!: () => void;
  const greeted = new Promise<void>((resolve) => (greet = resolve));
  ws.on('message', (data: Buffer) => {
    received.push(data);
    greet();
    // The server sends sync step 2 (0, 1) only in answer to a step 1: each one releases a barrier.
    if (data[0] === 0 && data[1] === 1) waiters.shift()?.();
  });
  const closed = new Promise<number | string>((resolve) => {
    ws.on('close', (code) => resolve(code));
    ws.on('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
    ws.on('error', () => {
      // The close (or unexpected-response) event carries the outcome.
    });
  });
  return {
    ws,
    received,
    closed,
    greeted,
    send: (frame) => ws.send(frame),
    barrier: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        ws.send(Uint8Array.of(0, 0, 1, 0));
      }),
  };
}

/** A y-websocket sync `update` frame carrying `update`. */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The update that appends a paragraph holding `text` to a copy of `doc`, as an editor on it would produce. */
export function appendParagraphUpdate(doc: Y.Doc, text: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = copy.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return update;
}
