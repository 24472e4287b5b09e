import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { databasePath } from '../storage/sqlite/openDatabase.ts';
import { connectClient, createStory, createUser, metricValue, waitUntil, type TestUser } from './helpers.ts';
import { openRawSocket } from './rawSocket.ts';
import { readStoredState } from './readStoredState.ts';
import { useTestServer } from './testServer.ts';

const LIMIT = 256 * 1024;

/**
 * A browser that stops reading its socket (a stalled connection, or a script that never reads)
 * must not make the server hold the story's whole traffic for it: past MAX_SOCKET_BUFFER_BYTES the
 * socket is closed with 4213, and nobody else notices.
 */
describe('a socket whose browser stops reading', () => {
  const server = useTestServer({ maxSocketBufferBytes: LIMIT });
  let vic: TestUser;
  let rita: TestUser;
  let id: string;

  beforeAll(async () => {
    vic = await createUser(server.url, server.admin, 'vic', 'viewer');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter');
    id = await createStory(server.url, 'Budget night', rita.auth);
  });

  const fellBehind = () => metricValue(server.url, 'copydesk_sockets_fell_behind_total');

  it('is closed with 4213 once the server holds more than the limit for it; the writer and a reading colleague lose nothing', async () => {
    expect(await fellBehind()).toBe(0);
    const stalled = openRawSocket(server.url, id, { auth: vic.auth });
    await stalled.greeted;
    const writer = connectClient(server.url, id, { auth: rita.auth });
    const reader = connectClient(server.url, id, { auth: vic.auth });
    await Promise.all([writer.synced, reader.synced]);
    // The viewer's page stops reading: the kernel's buffers fill, then the server's.
    const tcp = (stalled.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();

    const paragraph = writer.ydoc.getXmlFragment(DOC_FIELD).get(2) as Y.XmlElement;
    const words = 'Tax bands frozen until the end of the decade. '.repeat(2000); // about 90 KB a paragraph
    for (let i = 0; i < 300 && (await fellBehind()) === 0; i++) {
      writer.ydoc.transact(() => paragraph.insert(paragraph.length, [new Y.XmlText(words)]));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitUntil('the stalled socket to be closed', async () => (await fellBehind()) === 1);

    // Reading again, it gets what was sent before and then the close: 4213 when the close frame
    // made it before the server gave up on the socket, else an abnormal close.
    tcp.resume();
    expect([CloseCode.FellBehind, 1006]).toContain(await stalled.closed);

    // The writer and the colleague who reads carry on with everything.
    const expected = writer.ydoc.getXmlFragment(DOC_FIELD).toString();
    await waitUntil('the reader to have every paragraph', () => reader.ydoc.getXmlFragment(DOC_FIELD).toString() === expected);
    await waitUntil('everything to be stored', () => {
      const db = new Database(databasePath(server.dataDir), { readonly: true });
      try {
        const stored = new Y.Doc();
        Y.applyUpdate(stored, readStoredState(db, id)!);
        return stored.getXmlFragment(DOC_FIELD).toString() === expected;
      } finally {
        db.close();
      }
    });
    expect(writer.provider.wsconnected && reader.provider.wsconnected).toBe(true);

    // The viewer's page comes back on a new socket and catches up.
    const again = connectClient(server.url, id, { auth: vic.auth });
    await again.synced;
    await waitUntil('the returning page to have caught up', () => again.ydoc.getXmlFragment(DOC_FIELD).toString() === expected);
    for (const client of [writer, reader, again]) client.destroy();
  }, 60_000);
});
