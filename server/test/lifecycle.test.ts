import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { api, appendParagraph, connectClient, createStory, paragraphs, signInAdmin, tempDataDir, waitFor } from './helpers.ts';
import { spawnServer } from './spawnServer.ts';

describe('server process lifecycle', () => {
  it('shuts down on SIGTERM: clients see ServerShutdown, edits are kept, exit code 0', async () => {
    const dir = tempDataDir();
    let server = await spawnServer({ dataDir: dir.dataDir, env: { UNLOAD_DELAY_MS: '60000' } });
    expect((await api(server.url, 'GET', '/api/health')).body).toEqual({ ok: true });
    const admin = await signInAdmin(server.url);
    const id = await createStory(server.url, 'Night shift', admin);
    const a = connectClient(server.url, id, { auth: admin });
    const b = connectClient(server.url, id, { auth: admin });
    await Promise.all([a.synced, b.synced]);
    appendParagraph(a.ydoc, 'last words before the restart');
    await waitFor('b to receive the edit', () => paragraphs(b.ydoc).includes('last words before the restart'));
    const [code, exitCode] = await Promise.all([a.closed, server.kill('SIGTERM')]);
    expect(code).toBe(CloseCode.ServerShutdown);
    expect(exitCode).toBe(0);
    a.destroy();
    b.destroy();

    server = await spawnServer({ dataDir: dir.dataDir });
    const list = await api<{ articles: Array<{ id: string; wordCount: number }> }>(server.url, 'GET', '/api/articles', undefined, admin);
    // The row's summary was written on shutdown, not only the document.
    expect(list.body.articles.find((article) => article.id === id)?.wordCount).toBe(7);
    const fresh = connectClient(server.url, id, { auth: admin });
    await fresh.synced;
    expect(paragraphs(fresh.ydoc)).toContain('last words before the restart');
    fresh.destroy();
    await server.kill();
    dir.remove();
  });

  it('refuses to start with a clear message on a bad setting', async () => {
    const dir = tempDataDir();
    await expect(spawnServer({ dataDir: dir.dataDir, env: { LOG_LEVEL: 'loud' } })).rejects.toThrow(
      /code 1[\s\S]*Copydesk cannot start: LOG_LEVEL must be one of/,
    );
    dir.remove();
  });
});
