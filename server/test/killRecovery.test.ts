import { describe, expect, it } from 'vitest';
import { connectClient, createStory, appendParagraph, paragraphs, signInAdmin, tempDataDir, waitFor } from './helpers.ts';
import { spawnServer } from './spawnServer.ts';

describe('kill -9', () => {
  it('keeps every update another client had received', async () => {
    const dir = tempDataDir();
    let server = await spawnServer({ dataDir: dir.dataDir, env: { COMPACT_AFTER_UPDATES: '50' } });
    const admin = await signInAdmin(server.url);
    const id = await createStory(server.url, 'Power cut', admin);
    const writer = connectClient(server.url, id, { auth: admin });
    const reader = connectClient(server.url, id, { auth: admin });
    await Promise.all([writer.synced, reader.synced]);

    const seen: string[] = [];
    let typed = 0;
    // The writer keeps typing while the server dies: the reader's view at that moment is what must survive.
    const typing = setInterval(() => {
      for (let i = 0; i < 5; i++) appendParagraph(writer.ydoc, `update ${typed++}`);
    }, 2);
    await waitFor('the reader to receive 300 updates', () => paragraphs(reader.ydoc).length > 300, 20_000);
    // Freeze the reader's copy, then kill the server before anything else can happen.
    reader.provider.disconnect();
    seen.push(...paragraphs(reader.ydoc));
    await server.kill('SIGKILL');
    clearInterval(typing);
    writer.destroy();
    reader.destroy();
    expect(seen.length).toBeGreaterThan(300);

    server = await spawnServer({ dataDir: dir.dataDir });
    const fresh = connectClient(server.url, id, { auth: admin });
    await fresh.synced;
    const recovered = new Set(paragraphs(fresh.ydoc));
    const missing = seen.filter((text) => !recovered.has(text));
    expect(missing).toEqual([]);
    fresh.destroy();
    await server.kill('SIGTERM');
    dir.remove();
  }, 60_000);
});
