import { Router } from 'express';

/** GET /api/health: 200 `{"ok":true}` once the server is serving. */
export function healthRoutes(): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  return router;
}
