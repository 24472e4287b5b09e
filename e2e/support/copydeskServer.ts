import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer, type SpawnedServer } from '../../server/test/spawnServer.ts';
import { adminCookie, apiAs } from './accounts.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built client the servers serve: `dist/`, or E2E_CLIENT_DIR (several builds side by side). */
const CLIENT_DIR = process.env.E2E_CLIENT_DIR ? path.resolve(process.env.E2E_CLIENT_DIR) : path.join(ROOT, 'dist');

/** A real Copydesk server for one spec: its own data folder, a free port, the built client. */
export interface CopydeskServer {
  dataDir: string;
  server: SpawnedServer;
  /** Kills the server (SIGKILL by default) and starts it again on the same port with the same data. */
  restart(signal?: NodeJS.Signals): Promise<SpawnedServer>;
  stop(): Promise<void>;
}

/**
 * Starts the server from the built client in `dist/` (run `npx vite build` first); its `admin` signs in with TEST_ADMIN_PASSWORD.
 * `settings` are environment variables the spec sets on top (a smaller request budget, say).
 */
export async function startCopydesk(settings: Record<string, string> = {}): Promise<CopydeskServer> {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    throw new Error('dist/index.html is missing: build the client (npx vite build) before the e2e tests.');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-e2e-'));
  // The story list follows typing within a second here (the default is 5 s), so specs need not wait long.
  const env = { CLIENT_DIR, SUMMARY_DEBOUNCE_MS: '1000', ...settings };
  const handle: CopydeskServer = {
    dataDir,
    server: await spawnServer({ dataDir, env }),
    async restart(signal = 'SIGKILL') {
      const port = handle.server.port;
      await handle.server.kill(signal);
      handle.server = await spawnServer({ dataDir, port, env });
      return handle.server;
    },
    async stop() {
      await handle.server.kill('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** Creates a story through the REST API as the holder of `cookie` (the admin by default), as another tool would. */
export async function createStory(baseUrl: string, headline: string, cookie?: string): Promise<{ id: string; headline: string }> {
  return apiAs(baseUrl, cookie ?? (await adminCookie(baseUrl)), 'POST', '/api/articles', { headline }, 201);
}
