import { Router } from 'express';
import { ErrorId } from '../../shared/api.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { MfaPolicyBody, type MfaPolicy } from '../../shared/mfa.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';

/**
 * Admins only: GET and PUT /api/mfa/policy, the roles whose accounts must use two-step sign-in
 * (an account of such a role without it may only enrol; its open sockets are closed when the
 * requirement starts), and DELETE /api/users/:username/mfa, which resets an account's two-step
 * sign-in (a lost phone and lost recovery codes).
 */
export function mfaPolicyRoutes(deps: AppDeps): Router {
  const router = Router();
  const { users, mfa, audit, liveSockets, transact } = deps.accounts;
  const adminOnly = requireRole('admin');

  router.get('/mfa/policy', adminOnly, async (_req, res) => {
    const policy: MfaPolicy = { requiredRoles: await mfa.requiredRoles() };
    res.json(policy);
  });

  router.put('/mfa/policy', adminOnly, async (req, res) => {
    const body = parseBody(MfaPolicyBody, req.body);
    const actor = authOf(res).user;
    const at = new Date().toISOString();
    const { before, after } = await transact(async () => {
      const previous = await mfa.requiredRoles();
      await mfa.setRequiredRoles(body.requiredRoles);
      const now = await mfa.requiredRoles();
      if (now.join(',') !== previous.join(',')) {
        await audit.append({ articleId: null, actor: actor.username, action: 'mfa_policy_change', from: previous.join(','), to: now.join(','), at });
      }
      return { before: previous, after: now };
    });
    // Sockets opened before the requirement would go on editing: they reconnect, and are refused until their user enrols.
    for (const user of await users.list()) {
      if (!after.includes(user.role) || before.includes(user.role)) continue;
      if ((await mfa.find(user.id))?.enabled) continue;
      liveSockets.closeUser(user.id, CloseCode.Unauthorized, 'two-step sign-in required');
    }
    const policy: MfaPolicy = { requiredRoles: after };
    res.json(policy);
  });

  router.delete('/users/:username/mfa', adminOnly, async (req, res) => {
    const actor = authOf(res).user;
    const target = await users.findByUsername(req.params.username as string);
    if (!target) throw new HttpError(404, ErrorId.UserNotFound, `No account is named ${JSON.stringify(req.params.username)}.`);
    const at = new Date().toISOString();
    await transact(async () => {
      if (await mfa.remove(target.id)) {
        await audit.append({ articleId: null, actor: actor.username, action: 'mfa_disabled', subject: target.username, note: 'reset by an admin', at });
      }
    });
    res.status(204).end();
  });

  return router;
}
