import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { ConfigError, loadConfig } from './config.ts';
import { devContentSecurityPolicy } from './http/securityHeaders.ts';
import { startServer } from './index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `npm run dev`: the real server, with the client served by Vite in middleware mode (hot reload). */
async function main(): Promise<void> {
  let config;
  try {
    config = { ...loadConfig(), clientDir: null, logPretty: true };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Copydesk cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const vite = await createViteServer({
    configFile: path.join(ROOT, 'vite.config.ts'),
    server: { middlewareMode: true },
    appType: 'spa',
  });
  const running = await startServer(Object.freeze(config), (app) => {
    // After the API (mounted by createApp): everything else is the client, under a policy Vite can work with.
    app.use(devContentSecurityPolicy({ secureCookies: config.secureCookies, allowedOrigins: config.allowedOrigins }), vite.middlewares);
  });
  process.stdout.write(`Copydesk listening on http://127.0.0.1:${running.port}\n`);
  const shutdown = () => {
    void Promise.all([running.stop(), vite.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`Copydesk failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
