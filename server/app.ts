import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { DocumentRegistry } from './collab/DocumentRegistry.ts';
import type { Config } from './config.ts';
import { apiNotFound, errorMiddleware } from './http/errorMiddleware.ts';
import type { Logger } from './log.ts';
import { articleRoutes } from './routes/articles.ts';
import { healthRoutes } from './routes/health.ts';
import type { ArticleStore } from './storage/ArticleStore.ts';
import type { DocStore } from './storage/DocStore.ts';

/** Everything the HTTP app needs, built by server/index.ts (or by a test). */
export interface AppDeps {
  config: Pick<Config, 'maxBodyBytes' | 'clientDir'>;
  articleStore: ArticleStore;
  docStore: DocStore;
  registry: DocumentRegistry;
  log: Logger;
}

/** The Express app without listen(), so tests can serve it on port 0. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const api = express.Router();
  api.use(express.json({ limit: deps.config.maxBodyBytes }));
  api.use(healthRoutes());
  api.use(articleRoutes(deps));
  api.use(apiNotFound);
  app.use('/api', api);

  const clientDir = deps.config.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) serveClient(app, clientDir);

  app.use(errorMiddleware(deps.log));
  return app;
}

/** The built client: hashed assets cached for a year, every other GET path answered by index.html. */
function serveClient(app: Express, clientDir: string): void {
  const indexHtml = path.join(clientDir, 'index.html');
  app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }));
  app.use(express.static(clientDir, { index: false, maxAge: 0 }));
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    if (req.path.startsWith('/assets/')) {
      res.status(404).end();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
