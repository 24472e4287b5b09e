import * as encoding from 'lib0/encoding';
import { beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { SCHEMA_VERSION } from '../../shared/editor/version.ts';
import { openDatabase } from '../storage/sqlite/openDatabase.ts';
import { readStoredState } from './readStoredState.ts';
import { api, appendParagraph, connectClient, createStory, paragraphs, waitFor, type Auth } from './helpers.ts';
import { useTestServer } from './testServer.ts';

const MAX_MESSAGE_BYTES = 64 * 1024;

/** Opens a raw socket on the story, sends `frame` once the server greeted it, resolves with the close code. */
function sendRaw(baseUrl: string, id: string, auth: Auth, frame: Buffer | string, options: { binary?: boolean } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/${id}?schemaVersion=${SCHEMA_VERSION}`, {
      headers: { cookie: auth.cookie },
    });
    let sent = false;
    ws.on('message', () => {
      if (sent) return;
      sent = true;
      ws.send(frame, { binary: options.binary ?? typeof frame !== 'string' });
    });
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => {
      // The close event follows with the code.
    });
    setTimeout(() => reject(new Error('the server did not close the socket')), 5_000);
  });
}

function syncUpdateFrame(update: Uint8Array): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return Buffer.from(encoding.toUint8Array(encoder));
}

describe('malformed frames', () => {
  const server = useTestServer({ maxMessageBytes: MAX_MESSAGE_BYTES, unloadDelayMs: 60_000 });
  let id: string;
  let stored: () => Uint8Array;

  beforeAll(async () => {
    id = await createStory(server.url, 'Under attack', server.admin);
    const writer = connectClient(server.url, id, { auth: server.admin });
    await writer.synced;
    appendParagraph(writer.ydoc, 'precious words');
    const reader = connectClient(server.url, id, { auth: server.admin });
    await waitFor('the edit to reach a second client', () => paragraphs(reader.ydoc).includes('precious words'));
    writer.destroy();
    reader.destroy();
    const db = openDatabase(server.dataDir);
    stored = () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, readStoredState(db, id)!);
      return Y.encodeStateAsUpdate(doc);
    };
  });

  const realUpdate = (): Uint8Array => {
    const doc = new Y.Doc();
    appendParagraph(doc, 'x'.repeat(40));
    return Y.encodeStateAsUpdate(doc);
  };

  const cases: Array<[string, () => Buffer | string, number, { binary?: boolean }?]> = [
    ['garbage bytes', () => Buffer.from([0xff, 0xfe, 0xfd, 0x07, 0x42, 0x00, 0x13]), CloseCode.BadMessage],
    ['a truncated varint', () => Buffer.from([0x80]), CloseCode.BadMessage],
    ['an unknown message type', () => Buffer.from([0x09, 0x00]), CloseCode.BadMessage],
    ['an unknown sync message type', () => Buffer.from([0x00, 0x07, 0x00]), CloseCode.BadMessage],
    ['a truncated update', () => syncUpdateFrame(realUpdate()).subarray(0, 20), CloseCode.BadMessage],
    ['an update with a corrupted payload', () => syncUpdateFrame(new Uint8Array([3, 200, 1, 7, 7, 7, 7])), CloseCode.BadMessage],
    ['trailing bytes after an update', () => Buffer.concat([syncUpdateFrame(realUpdate()), Buffer.from([1, 2, 3])]), CloseCode.BadMessage],
    ['an awareness update that is not JSON', () => Buffer.from([0x01, 0x05, 0x01, 0x01, 0x01, 0x01, 0x7b]), CloseCode.BadMessage],
    ['a text frame', () => 'hello server', CloseCode.BadMessage],
    ['an oversized message', () => Buffer.alloc(MAX_MESSAGE_BYTES + 1024, 0), CloseCode.MessageTooBig],
  ];

  it.each(cases)('closes the socket on %s; the server stays up and the story intact', async (_name, frame, code, options) => {
    const before = stored();
    expect(await sendRaw(server.url, id, server.admin, frame(), options)).toBe(code);
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);
    expect(Buffer.from(stored())).toEqual(Buffer.from(before));
    const client = connectClient(server.url, id, { auth: server.admin });
    await client.synced;
    expect(paragraphs(client.ydoc)).toEqual(['', 'precious words']);
    client.destroy();
  });

  it('keeps other clients syncing while one socket misbehaves', async () => {
    const a = connectClient(server.url, id, { auth: server.admin });
    const b = connectClient(server.url, id, { auth: server.admin });
    await Promise.all([a.synced, b.synced]);
    expect(await sendRaw(server.url, id, server.admin, Buffer.from([0x80]))).toBe(CloseCode.BadMessage);
    appendParagraph(a.ydoc, 'still flowing');
    await waitFor('b to receive the edit', () => paragraphs(b.ydoc).includes('still flowing'));
    a.destroy();
    b.destroy();
  });

  it('answers 404 to an upgrade on another path', async () => {
    const code = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/elsewhere`);
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      ws.on('error', (error) => resolve(error.message));
    });
    expect(code).toBe('404');
  });
});
