import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WordsBackList } from '../../shared/api.ts';
import { readRefusalNotice, type RefusalNotice } from '../../shared/collab/refusalNotice.ts';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { api, createStory, createUser, waitFor, waitUntil, type TestUser } from './helpers.ts';
import { openRawSocket, syncUpdateFrame, type RawSocket } from './rawSocket.ts';
import { useTestServer } from './testServer.ts';

/** The story as the server holds it, read through a socket's sync step 2. */
async function storyThrough(socket: RawSocket): Promise<Y.Doc> {
  await socket.greeted;
  await socket.barrier();
  const frame = socket.received.at(-1)!;
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  return doc;
}

/** An update putting a paragraph of `text` before the headline: it does not fit the article schema, so the server undoes it. */
function beforeTheHeadline(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(DOC_FIELD).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

/** The refusal notices (y-protocols/auth "permission denied") a socket received. */
function noticesOf(socket: RawSocket): RefusalNotice[] {
  return socket.received
    .filter((frame) => frame[0] === 2 && frame[1] === 0)
    .map((frame) => {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      return readRefusalNotice(decoding.readVarString(decoder));
    });
}

/**
 * The words a story did not keep are sent back to their writer; her socket may drop before the
 * notice arrives, and they are in no story. The server keeps each notice for her until one of her
 * browsers says it has it (GET /api/articles/:id/words-back, POST …/delivered).
 */
describe('words the story did not keep, kept for their writer', () => {
  const server = useTestServer();
  let rita: TestUser;
  let ed: TestUser;
  let id: string;
  const sockets: RawSocket[] = [];
  const open = (user: TestUser) => {
    const socket = openRawSocket(server.url, id, { auth: user.auth });
    sockets.push(socket);
    return socket;
  };
  const kept = (user: TestUser) => api<WordsBackList>(server.url, 'GET', `/api/articles/${id}/words-back`, undefined, user.auth);

  beforeAll(async () => {
    rita = await createUser(server.url, server.admin, 'rita', 'reporter');
    ed = await createUser(server.url, server.admin, 'ed', 'editor');
    id = await createStory(server.url, 'Bridge closed', rita.auth);
  });
  afterAll(() => {
    for (const socket of sockets) socket.ws.terminate();
  });

  it('are sent with the id they are kept under, listed for her alone, and forgotten once her browser has them', async () => {
    const socket = open(rita);
    const doc = await storyThrough(socket);
    socket.send(syncUpdateFrame(beforeTheHeadline(doc, 'Engineers found cracks.')));
    await waitFor('the notice', () => noticesOf(socket).length === 1);
    const [notice] = noticesOf(socket);
    expect(notice).toMatchObject({ reason: 'schema', words: ['Engineers found cracks.'], followUp: false });
    expect(notice!.id).toBeGreaterThan(0);

    const listed = await kept(rita);
    expect(listed.status).toBe(200);
    expect(listed.body.notices).toEqual([
      { id: notice!.id, reason: 'schema', words: ['Engineers found cracks.'], continues: false, followUp: false, createdAt: expect.any(String) },
    ]);
    // Ed is not their writer.
    expect((await kept(ed)).body.notices).toEqual([]);

    expect((await api(server.url, 'POST', `/api/articles/${id}/words-back/delivered`, { ids: [notice!.id] }, rita.auth)).status).toBe(204);
    expect((await kept(rita)).body.notices).toEqual([]);
    socket.ws.close();
  });

  it('wait for her when the socket drops before the notice arrives', async () => {
    const socket = open(rita);
    const doc = await storyThrough(socket);
    // Sent, and the connection gone at once: nothing the server sends back is read.
    socket.send(syncUpdateFrame(beforeTheHeadline(doc, 'The ferry runs instead.')));
    await new Promise<void>((resolve) => socket.ws.once('close', () => resolve()).terminate());

    await waitUntil('the notice to be kept', async () => (await kept(rita)).body.notices.length === 1);
    const [waiting] = (await kept(rita)).body.notices;
    expect(waiting).toMatchObject({ reason: 'schema', words: ['The ferry runs instead.'] });
    // The story kept none of it.
    const reader = open(ed);
    const story = await storyThrough(reader);
    expect(story.getXmlFragment(DOC_FIELD).toString()).not.toContain('ferry');

    await api(server.url, 'POST', `/api/articles/${id}/words-back/delivered`, { ids: [waiting!.id] }, rita.auth);
    expect((await kept(rita)).body.notices).toEqual([]);
  });

  it('answer a bad acknowledgement or an unknown story with a clear error', async () => {
    const tooMany = Array.from({ length: 201 }, (_, i) => i + 1);
    for (const body of [{}, { ids: [] }, { ids: [0] }, { ids: 'all' }, { ids: [1.5] }, { ids: tooMany }, { ids: [3], more: true }, { through: 3 }]) {
      const res = await api<{ error: { id: string } }>(server.url, 'POST', `/api/articles/${id}/words-back/delivered`, body, rita.auth);
      expect(res.status).toBe(400);
      expect(res.body.error.id).toBe('validation_failed');
    }
    const missing = await api<{ error: { id: string } }>(server.url, 'GET', '/api/articles/no-such-story/words-back', undefined, rita.auth);
    expect(missing.status).toBe(404);
    expect(missing.body.error.id).toBe('article_not_found');
    expect((await api(server.url, 'GET', `/api/articles/${id}/words-back`, undefined, null)).status).toBe(401);
  });
});
