import * as decoding from 'lib0/decoding';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChangesRefused } from '../../shared/collab/changesRefused.ts';
import { api, createStory, createUser, paragraphs, type TestUser } from './helpers.ts';
import { appendParagraphUpdate, openRawSocket, type RawSocket } from './rawSocket.ts';
import { storedStory } from './storedStory.ts';
import { useTestServer } from './testServer.ts';

/** The reasons of the "permission denied" messages (y-protocols/auth) a socket received. */
function denials(socket: RawSocket): string[] {
  return socket.received.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== 2 || decoding.readVarUint(decoder) !== 0) return [];
    return [decoding.readVarString(decoder)];
  });
}

/** A y-websocket sync step 2 frame carrying `update`, as a browser sends its own changes on connecting. */
function syncStep2Frame(update: Uint8Array): Uint8Array {
  const frame = new Uint8Array(update.length + 3);
  frame.set([0, 1], 0);
  if (update.length > 127) throw new Error('a longer update needs a longer length prefix');
  frame[2] = update.length;
  frame.set(update, 3);
  return frame;
}

// A reporter who typed offline, or in the moment her story was approved, reconnects to a story she
// may now only read: the server must not store her changes, and must not let her browser call them
// saved either. It says so, in y-websocket's own "permission denied" message.
describe('changes a socket may not make are refused out loud', () => {
  const server = useTestServer();
  let ed: TestUser;
  let rita: TestUser;

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
  });

  const storedParagraphs = (id: string): string[] => paragraphs(storedStory(server.dataDir, id));

  it('a reporter’s offline paragraph on her approved story is not stored, and her socket hears why', async () => {
    const id = await createStory(server.url, 'Council budget', rita.auth);
    const base = storedStory(server.dataDir, id);
    for (const [who, to] of [
      [rita, 'in_review'],
      [ed, 'approved'],
    ] as const) {
      const moved = await api(server.url, 'POST', `/api/articles/${id}/transitions`, { to }, who.auth);
      expect(moved.status).toBe(200);
    }

    const socket = openRawSocket(server.url, id, { auth: rita.auth });
    await socket.greeted;
    // Her browser's sync step 2: what she typed while the story was being approved.
    socket.send(syncStep2Frame(appendParagraphUpdate(base, 'typed offline')));
    await socket.barrier();
    expect(denials(socket)).toEqual([ChangesRefused.ReadOnly]);
    // Told once: what the socket sends after that is dropped unread.
    socket.send(syncStep2Frame(appendParagraphUpdate(base, 'and more')));
    await socket.barrier();
    expect(denials(socket)).toEqual([ChangesRefused.ReadOnly]);
    expect(storedParagraphs(id)).not.toContain('typed offline');
    expect(storedParagraphs(id)).not.toContain('and more');
    socket.ws.close();
  });

  it('on a spiked story the reason is the spike; a malformed update from a reader closes its socket and changes nothing', async () => {
    const id = await createStory(server.url, 'Ferry timetable', rita.auth);
    const base = storedStory(server.dataDir, id);
    expect((await api(server.url, 'POST', `/api/articles/${id}/spike`, undefined, ed.auth)).status).toBe(200);
    const socket = openRawSocket(server.url, id, { auth: rita.auth });
    await socket.greeted;
    socket.send(syncStep2Frame(appendParagraphUpdate(base, 'typed on the train')));
    await socket.barrier();
    expect(denials(socket)).toEqual([ChangesRefused.Spiked]);

    const reader = openRawSocket(server.url, id, { auth: rita.auth });
    await reader.greeted;
    reader.send(Uint8Array.of(0, 2, 3, 7, 200, 1));
    expect(await reader.closed).toBe(4400);
    expect(paragraphs(storedStory(server.dataDir, id))).toEqual(paragraphs(base));
    socket.ws.close();
  });

  it('a viewer’s empty sync step 2, or changes the story already holds, are dropped without a word', async () => {
    const vic = await createUser(server.url, server.admin, 'vic', 'viewer', 'Vic Viewer');
    const id = await createStory(server.url, 'Harbour closure', server.admin);
    const writer = openRawSocket(server.url, id, { auth: server.admin });
    const base = storedStory(server.dataDir, id);
    const typed = appendParagraphUpdate(base, 'the harbour closes at noon');
    await writer.greeted;
    writer.send(syncStep2Frame(typed));
    await writer.barrier();
    expect(denials(writer)).toEqual([]);

    const socket = openRawSocket(server.url, id, { auth: vic.auth });
    await socket.greeted;
    socket.send(Uint8Array.of(0, 1, 2, 0, 0));
    // What a colleague wrote, echoed back by a viewer's browser that has it already.
    socket.send(syncStep2Frame(typed));
    await socket.barrier();
    expect(denials(socket)).toEqual([]);
    // A change of his own is refused, and the story keeps only the writer's paragraph.
    Y.applyUpdate(base, typed);
    socket.send(syncStep2Frame(appendParagraphUpdate(base, 'VANDALISED')));
    await socket.barrier();
    expect(denials(socket)).toEqual([ChangesRefused.ReadOnly]);
    expect(storedParagraphs(id)).toContain('the harbour closes at noon');
    expect(storedParagraphs(id)).not.toContain('VANDALISED');
    socket.ws.close();
    writer.ws.close();
  });
});
