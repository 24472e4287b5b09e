import { Router } from 'express';
import { ErrorId } from '../../shared/api.ts';
import type { SessionList, SessionsEnded } from '../../shared/sessions.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { clearedSessionCookie } from '../auth/cookies.ts';
import { endSession } from '../commands/endSession.ts';
import { endSessions } from '../commands/endSessions.ts';
import { HttpError } from '../http/HttpError.ts';
import { presentSession } from '../presenters/presentSession.ts';
import { secureRequest } from './session.ts';

/**
 * A user's own sessions: GET /api/me/sessions lists them, DELETE /api/me/sessions/:id ends one,
 * DELETE /api/me/sessions ends every one but the asking browser's. For admins, DELETE
 * /api/users/:username/sessions ends all of an account's sessions. Ending a session closes its
 * sockets on every server.
 */
export function sessionListRoutes(deps: AppDeps): Router {
  const router = Router();
  const { accounts } = deps;

  router.get('/me/sessions', async (_req, res) => {
    const { user, session: current } = authOf(res);
    const listed = (await accounts.sessions.listForUser(user.id, new Date())).map((s) => presentSession(s, current.idHash));
    // The asking browser's first (the list is already most recently used first).
    const body: SessionList = { sessions: [...listed.filter((s) => s.current), ...listed.filter((s) => !s.current)] };
    res.json(body);
  });

  router.delete('/me/sessions', async (_req, res) => {
    const { user, session } = authOf(res);
    const body: SessionsEnded = { ended: await endSessions(accounts, { actor: user, user, keep: session.idHash }) };
    res.json(body);
  });

  router.delete('/me/sessions/:id', async (req, res) => {
    const { user, session } = authOf(res);
    const ended = await endSession(accounts, { user, id: req.params.id as string, now: new Date() });
    if (ended === null) throw new HttpError(404, ErrorId.SessionNotFound, 'You have no open session with that id.');
    if (ended === session.idHash) res.setHeader('Set-Cookie', clearedSessionCookie({ secure: secureRequest(deps, req) }));
    res.status(204).end();
  });

  router.delete('/users/:username/sessions', requireRole('admin'), async (req, res) => {
    const actor = authOf(res).user;
    const username = req.params.username as string;
    const user = await accounts.users.findByUsername(username);
    if (!user) throw new HttpError(404, ErrorId.UserNotFound, `No account is named ${JSON.stringify(username)}.`);
    const body: SessionsEnded = { ended: await endSessions(accounts, { actor, user }) };
    if (user.id === actor.id) res.setHeader('Set-Cookie', clearedSessionCookie({ secure: secureRequest(deps, req) }));
    res.json(body);
  });

  return router;
}
