import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { AppDeps } from './AppDeps.ts';
import { originGuard, requireSession, sessionMiddleware } from './auth/authMiddleware.ts';
import { requireEnrolment } from './auth/mfa/requireEnrolment.ts';
import { authorshipRoutes } from './authorship/authorshipRoutes.ts';
import { wordsBackRoutes } from './wordsBack/wordsBackRoutes.ts';
import { apiNotFound, errorMiddleware } from './http/errorMiddleware.ts';
import { refuseNulInBody, refuseNulInUrl } from './http/refuseNul.ts';
import { requestLog } from './http/requestLog.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { spendRequestBudget } from './http/spendRequestBudget.ts';
import { metricsRoute } from './metrics/metricsRoute.ts';
import { articleExportRoutes } from './routes/articleExportRoutes.ts';
import { articleImportRoutes } from './routes/articleImportRoutes.ts';
import { articleRoutes } from './routes/articles.ts';
import { articleWorkflowRoutes } from './routes/articleWorkflow.ts';
import { healthRoutes } from './routes/health.ts';
import { mfaPolicyRoutes } from './routes/mfaPolicyRoutes.ts';
import { backupRoutes } from './routes/backupRoutes.ts';
import { mfaRoutes } from './routes/mfaRoutes.ts';
import { publishingRoutes } from './routes/publishingRoutes.ts';
import { commentRoutes } from './review/commentRoutes.ts';
import { reviewSettingsRoutes } from './review/reviewSettingsRoutes.ts';
import { sectionRoutes } from './routes/sectionRoutes.ts';
import { sessionListRoutes } from './routes/sessionListRoutes.ts';
import { refuseSpikedChanges, spikeRoutes } from './routes/spikeRoutes.ts';
import { sessionRoutes } from './routes/session.ts';
import { userRoutes } from './routes/users.ts';
import { createSiteRouter } from './site/createSiteRouter.ts';
import { blockRestoreRoutes } from './versions/blockRestoreRoutes.ts';
import { versionRoutes } from './versions/versionRoutes.ts';

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
  app.use(securityHeaders({ secureCookies: deps.config.secureCookies, allowedOrigins: deps.config.allowedOrigins }));
  if (deps.metrics) app.get('/metrics', metricsRoute({ metrics: deps.metrics, config: deps.config }));

  const api = express.Router();
  const { users, sessions } = deps.accounts;
  api.use(originGuard({ allowedOrigins: deps.config.allowedOrigins }));
  api.use(refuseNulInUrl);
  api.use(express.json({ limit: deps.config.maxBodyBytes }));
  api.use(refuseNulInBody);
  api.use(sessionMiddleware({ users, sessions, sessionTtlMs: deps.config.sessionTtlMs }));
  api.use(healthRoutes({ relay: deps.relay ?? null, database: deps.database ?? null }));
  api.use(sessionRoutes(deps));
  // Open to a session limited to enrolment (its role requires two-step sign-in, not yet on); nothing below is.
  api.use(mfaRoutes(deps));
  api.use(requireSession);
  // Every signed-in request is charged to its account (sign-in and enrolment have their own throttles).
  if (deps.requestBudget) api.use(spendRequestBudget({ budget: deps.requestBudget, log: deps.log }));
  api.use(requireEnrolment(deps.accounts.mfa));
  api.use(mfaPolicyRoutes(deps));
  api.use(backupRoutes(deps));
  api.use(userRoutes(deps));
  api.use(sectionRoutes(deps));
  api.use(sessionListRoutes(deps));
  // Her own words back, whatever became of the story since (spiked included).
  api.use(wordsBackRoutes(deps));
  // Before the /articles/:id routes, so "import" is never read as a story id.
  api.use(articleImportRoutes(deps));
  // Spike, restore and delete first; then every other change to a spiked story is refused (409).
  api.use(spikeRoutes(deps));
  api.use('/articles/:id', refuseSpikedChanges(deps));
  api.use(articleRoutes(deps));
  api.use(articleExportRoutes(deps));
  api.use(authorshipRoutes(deps));
  api.use(publishingRoutes(deps));
  api.use(articleWorkflowRoutes(deps));
  const { articleStore, registry, versions, versioner } = deps;
  const storyLock = deps.storyLock ?? null;
  api.use(versionRoutes({ articleStore, registry, members: deps.accounts.members, users, versions, versioner, clock: deps.publishing.clock, storyLock }));
  api.use(
    blockRestoreRoutes({ articleStore, registry, members: deps.accounts.members, versions, versioner, audit: deps.accounts.audit, clock: deps.publishing.clock, storyLock }),
  );
  api.use(commentRoutes({ articleStore, registry }));
  api.use(reviewSettingsRoutes(deps));
  api.use(apiNotFound);
  app.use('/api', requestLog(deps.log), api);

  // The public site: no session, read-only, only ever serves frozen publications (never a draft).
  const { publications, slugs } = deps.publishing.deps;
  app.use('/site', createSiteRouter({ publications, slugs, clock: deps.publishing.clock, site: deps.publishing.site }));

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
