import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storedStory } from '../../../server/test/storedStory.ts';
import type { RunningServer } from '../../../server/index.ts';
import {
  api,
  appendParagraph,
  connectClient,
  createStory,
  createUser,
  paragraphs,
  signInAdmin,
  startTestServer,
  tempDataDir,
  waitFor,
  type Auth,
  type TestClient,
} from '../../../server/test/helpers.ts';
import { listenForRefusals } from './listenForRefusals.ts';
import { SaveTracker } from './SaveTracker.ts';
import { startDelayingProxy } from './test/startDelayingProxy.ts';

/** What the server has written to SQLite for a story, read through a second connection. */
function storedParagraphs(dataDir: string, articleId: string): string[] {
  return paragraphs(storedStory(dataDir, articleId));
}

describe('SaveTracker against the real server', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  async function setup(uplinkDelayMs = 0): Promise<{
    dataDir: string;
    server: RunningServer;
    id: string;
    client: TestClient;
    tracker: SaveTracker;
    admin: Auth;
  }> {
    const temp = tempDataDir();
    cleanups.push(() => temp.remove());
    const server = await startTestServer(temp.dataDir);
    const state = { server };
    cleanups.push(() => state.server.stop());
    const admin = await signInAdmin(server.url);
    const id = await createStory(server.url, 'Saved means stored', admin);
    let clientUrl = server.url;
    if (uplinkDelayMs > 0) {
      const proxy = await startDelayingProxy(server.url, uplinkDelayMs);
      cleanups.push(() => proxy.close());
      clientUrl = proxy.url;
    }
    const client = connectClient(clientUrl, id, { auth: admin });
    cleanups.push(() => client.destroy());
    await client.synced;
    const tracker = new SaveTracker(client.ydoc, client.provider);
    cleanups.push(() => tracker.destroy());
    return { dataDir: temp.dataDir, server, id, client, tracker, admin };
  }

  it('reports a local change as unsaved until the server has stored it, even on a slow uplink', async () => {
    const { dataDir, id, client, tracker } = await setup(600);
    expect(tracker.hasUnsavedChanges).toBe(false);

    let storedWhenSaved: string[] | null = null;
    tracker.subscribe(() => {
      if (!tracker.hasUnsavedChanges && storedWhenSaved === null) storedWhenSaved = storedParagraphs(dataDir, id);
    });
    appendParagraph(client.ydoc, 'First words.');
    expect(tracker.hasUnsavedChanges).toBe(true);

    await waitFor('the change to be saved', () => !tracker.hasUnsavedChanges);
    expect(storedWhenSaved).toContain('First words.');
  });

  it('keeps offline edits unsaved and saves them once the server is back', async () => {
    const { dataDir, server, id, client, tracker } = await setup();
    const port = server.port;
    await server.stop();
    await waitFor('the client to notice', () => !client.provider.wsconnected);

    appendParagraph(client.ydoc, 'Written offline.');
    expect(tracker.hasUnsavedChanges).toBe(true);

    const restarted = await startTestServer(dataDir, { port });
    cleanups.push(() => restarted.stop());
    await waitFor('the client to reconnect', () => client.provider.synced, 15_000);
    await waitFor('the offline edit to be saved', () => !tracker.hasUnsavedChanges, 15_000);
    expect(storedParagraphs(dataDir, id)).toContain('Written offline.');
  });

  it('a reporter’s offline paragraph on a story approved meanwhile is refused, never called saved, and saved once the story is hers again', async () => {
    const { dataDir, server, admin } = await setup();
    const ed = await createUser(server.url, admin, 'ed', 'editor', 'Ed Itor');
    const rita = await createUser(server.url, admin, 'rita', 'reporter', 'Rita Porter');
    const id = await createStory(server.url, 'Council budget', rita.auth);
    const move = async (by: Auth, to: string) => expect((await api(server.url, 'POST', `/api/articles/${id}/transitions`, { to }, by)).status).toBe(200);
    const client = connectClient(server.url, id, { auth: rita.auth });
    cleanups.push(() => client.destroy());
    await client.synced;
    const tracker = new SaveTracker(client.ydoc, client.provider);
    cleanups.push(() => tracker.destroy());
    listenForRefusals(client.provider, ({ reason }) => tracker.refuse(reason));
    await move(rita.auth, 'in_review');

    // Rita's train goes into a tunnel; she adds a paragraph while Ed approves the story.
    client.provider.disconnect();
    appendParagraph(client.ydoc, 'Typed in the tunnel.');
    await move(ed.auth, 'approved');
    const seen: boolean[] = [];
    tracker.subscribe(() => seen.push(tracker.hasUnsavedChanges));
    client.provider.connect();
    await waitFor('the server to refuse the paragraph', () => tracker.refused === 'read_only');
    // Probes are answered on the read-only socket too: none of them may count as saved.
    appendParagraph(client.ydoc, 'And one more line.');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(tracker.refused).toBe('read_only');
    expect(tracker.hasUnsavedChanges).toBe(true);
    expect(seen).not.toContain(false);
    expect(storedParagraphs(dataDir, id)).not.toContain('Typed in the tunnel.');
    expect(paragraphs(client.ydoc)).toContain('Typed in the tunnel.');
    // A new socket, still read-only: refused again before any of its replies could count as saved.
    client.provider.disconnect();
    client.provider.connect();
    await waitFor('the client to sync again', () => client.provider.synced);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(tracker.refused).toBe('read_only');
    expect(seen).not.toContain(false);

    // Ed sends the story back to her: her socket reconnects with write access and the paragraphs are stored.
    await move(ed.auth, 'draft');
    await waitFor('the paragraphs to be saved', () => !tracker.hasUnsavedChanges, 15_000);
    expect(tracker.refused).toBeNull();
    expect(storedParagraphs(dataDir, id)).toEqual(expect.arrayContaining(['Typed in the tunnel.', 'And one more line.']));
  });

  it('does not count changes that came from the server', async () => {
    const { server, id, client, tracker, admin } = await setup();
    const other = connectClient(server.url, id, { auth: admin });
    cleanups.push(() => other.destroy());
    await other.synced;
    appendParagraph(other.ydoc, 'From a colleague.');
    await waitFor('the colleague’s text to arrive', () => paragraphs(client.ydoc).includes('From a colleague.'));
    expect(tracker.hasUnsavedChanges).toBe(false);
  });
});
