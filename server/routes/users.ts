import { Router } from 'express';
import { CreateUserBody, UpdateUserBody, type Person } from '../../shared/accounts.ts';
import { ErrorId } from '../../shared/api.ts';
import type { AppDeps } from '../AppDeps.ts';
import { assertStrongPassword } from '../auth/assertStrongPassword.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { hashPassword } from '../auth/password.ts';
import { publicUser } from '../auth/publicUser.ts';
import { colorForUsername } from '../auth/userColor.ts';
import { updateUser } from '../commands/updateUser.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';
import { UsernameTakenError } from '../storage/UserStore.ts';

/**
 * /api/users, for admins: list, create and change accounts. /api/people, for editors and admins:
 * the active accounts' usernames, display names and roles, to assign people to stories.
 */
export function userRoutes(deps: AppDeps): Router {
  const router = Router();
  const { users, audit, transact } = deps.accounts;
  const adminOnly = requireRole('admin');

  router.get('/users', adminOnly, async (_req, res) => {
    res.json({ users: (await users.list()).map(publicUser) });
  });

  router.get('/people', requireRole('editor', 'admin'), async (_req, res) => {
    const people: Person[] = (await users.list())
      .filter((user) => !user.disabled)
      .map((user) => ({ username: user.username, displayName: user.displayName, role: user.role }));
    res.json({ people });
  });

  router.post('/users', adminOnly, async (req, res) => {
    const body = parseBody(CreateUserBody, req.body);
    const actor = authOf(res).user;
    await assertStrongPassword(body.password, { username: body.username, displayName: body.displayName });
    const passwordHash = await hashPassword(body.password, deps.config.scryptParams);
    const at = new Date().toISOString();
    try {
      const user = await transact(async () => {
        const created = await users.create({
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          passwordHash,
          color: colorForUsername(body.username),
          createdAt: at,
        });
        await audit.append({ articleId: null, actor: actor.username, action: 'user_created', subject: created.username, to: created.role, at });
        return created;
      });
      res.status(201).location(`/api/users/${encodeURIComponent(user.username)}`).json(publicUser(user));
    } catch (error) {
      if (error instanceof UsernameTakenError) {
        throw new HttpError(409, ErrorId.UsernameTaken, `The username ${JSON.stringify(body.username)} is taken.`);
      }
      throw error;
    }
  });

  router.patch('/users/:username', adminOnly, async (req, res) => {
    const changes = parseBody(UpdateUserBody, req.body);
    const { user: actor, session } = authOf(res);
    // An admin who changes their own password stays signed in here; their other sessions end.
    const result = await updateUser(
      { accounts: deps.accounts, scryptParams: deps.config.scryptParams },
      { actor, username: req.params.username as string, changes, keepSession: session.idHash },
    );
    res.json(publicUser(result.user));
  });

  return router;
}
