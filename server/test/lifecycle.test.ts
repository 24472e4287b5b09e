import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { SCHEMA_VERSION } from '../../shared/editor/version.ts';
import {
  api,
  appendParagraph,
  connectClient,
  createStory,
  paragraphs,
  signInAdmin,
  startTestServer,
  tempDataDir,
  waitFor,
} from './helpers.ts';
import { openRawSocket } from './rawSocket.ts';
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
    expect(list.body.articles.find((article) => article.id === id)?.wordCount).toBe(5);
    const fresh = connectClient(server.url, id, { auth: admin });
    await fresh.synced;
    expect(paragraphs(fresh.ydoc)).toContain('last words before the restart');
    fresh.destroy();
    await server.kill();
    dir.remove();
  });

  it('closes a socket that connects while the server is shutting down with ServerShutdown', async () => {
    const dir = tempDataDir();
    const server = await startTestServer(dir.dataDir);
    const admin = await signInAdmin(server.url);
    const id = await createStory(server.url, 'Late arrival', admin);
    // A socket that never reads the server's close frame keeps the shutdown waiting for it (up to a second).
    const lingering = openRawSocket(server.url, id, { auth: admin });
    await lingering.greeted;
    lingering.ws.pause();
    // The late socket's HTTP connection exists before the listener closes; its request starts (so the
    // connection is not idle) but its handshake completes only once the shutdown has begun.
    const { port } = new URL(server.url);
    const tcp = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => tcp.once('connect', () => resolve()));
    const received: Buffer[] = [];
    tcp.on('data', (chunk: Buffer) => received.push(chunk));
    tcp.on('error', () => {
      // The shutdown ends the connection; the bytes received tell the outcome.
    });
    tcp.write(`GET /collab/${id}?schemaVersion=${SCHEMA_VERSION} HTTP/1.1\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = server.stop();
    tcp.write(
      [
        `Host: 127.0.0.1:${port}`,
        'Connection: Upgrade',
        'Upgrade: websocket',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        `Origin: ${new URL(server.url).origin}`,
        `Cookie: ${admin.cookie}`,
        '',
        '',
      ].join('\r\n'),
    );
    const closeCode = (): number | null => {
      const bytes = Buffer.concat(received);
      const headEnd = bytes.indexOf('\r\n\r\n');
      if (headEnd < 0 || bytes.length < headEnd + 8) return null;
      const frame = bytes.subarray(headEnd + 4);
      return frame[0] === 0x88 ? frame.readUInt16BE(2) : -frame[0]!;
    };
    await waitFor('the late socket to be closed', () => closeCode() !== null, 5_000);
    expect(Buffer.concat(received).toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
    expect(closeCode()).toBe(CloseCode.ServerShutdown);
    await stopped;
    tcp.destroy();
    lingering.ws.terminate();
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
