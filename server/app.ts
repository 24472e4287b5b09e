import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { AppDeps } from './AppDeps.ts';
import { originGuard, requireSession, sessionMiddleware } from './auth/authMiddleware.ts';
import { apiNotFound, errorMiddleware } from './http/errorMiddleware.ts';
import { articleRoutes } from './routes/articles.ts';
import { articleWorkflowRoutes } from './routes/articleWorkflow.ts';
import { healthRoutes } from './routes/health.ts';
import { sessionRoutes } from './routes/session.ts';
import { userRoutes } from './routes/users.ts';

export type { AppDeps } from './AppDeps.ts';

/**
 * The Express app without listen(), so tests can serve it on port 0.
 * Every /api route but health and sign-in needs a session (401 otherwise); state-changing
 * requests from another origin are refused (403) before anything else looks at them.
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const api = express.Router();
  const { users, sessions } = deps.accounts;
  api.use(originGuard({ allowedOrigins: deps.config.allowedOrigins }));
  api.use(express.json({ limit: deps.config.maxBodyBytes }));
  api.use(sessionMiddleware({ users, sessions, sessionTtlMs: deps.config.sessionTtlMs }));
  api.use(healthRoutes());
  api.use(sessionRoutes(deps));
  api.use(requireSession);
  api.use(userRoutes(deps));
  api.use(articleRoutes(deps));
  api.use(articleWorkflowRoutes(deps));
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
