import { Router } from 'express';

/** What /api/health reports on: the parts the server cannot serve stories without. */
export interface HealthDeps {
  /** The relay to the other servers, when several share stories (null: one server). */
  relay?: { readonly healthy: boolean } | null;
  /** The database: null while it answers, otherwise what is wrong. */
  database?: { problem(): Promise<string | null> } | null;
}

/**
 * GET /api/health: 200 `{"ok":true}` once the server is serving; 503 with `"relay":"down"` while the
 * relay to the other servers is unreachable and `"database":"down"` while the database does not
 * answer (load balancers take the server out meanwhile). Details stay in the server's log.
 */
export function healthRoutes(deps: HealthDeps = {}): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const down: Record<string, 'down'> = {};
    if (deps.relay && !deps.relay.healthy) down.relay = 'down';
    if (deps.database && (await deps.database.problem().catch(() => 'unknown')) !== null) down.database = 'down';
    if (Object.keys(down).length > 0) {
      res.status(503).json({ ok: false, ...down });
      return;
    }
    res.json({ ok: true });
  });
  return router;
}
