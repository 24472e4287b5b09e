import { Router } from 'express';

/** What /api/health reports on: the parts the server cannot serve stories without. */
export interface HealthDeps {
  /** The relay to the other servers, when several share stories (null: one server). */
  relay?: { readonly healthy: boolean } | null;
}

/**
 * GET /api/health: 200 `{"ok":true}` once the server is serving; 503 `{"ok":false,"relay":"down"}`
 * while the relay to the other servers is unreachable (load balancers take the server out meanwhile).
 */
export function healthRoutes(deps: HealthDeps = {}): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    if (deps.relay && !deps.relay.healthy) {
      res.status(503).json({ ok: false, relay: 'down' });
      return;
    }
    res.json({ ok: true });
  });
  return router;
}
