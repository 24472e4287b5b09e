import { Router } from 'express';
import { AssigneesBody, ReviewerBody, TransitionBody, type ActivityEntry } from '../../shared/accounts.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { setAssignees, setReviewer } from '../commands/assignPeople.ts';
import { transitionArticle } from '../commands/transitionArticle.ts';
import { parseBody } from '../http/parseBody.ts';
import { findArticle, sendArticle } from './articles.ts';

/**
 * A story's workflow: POST /transitions (shared/workflow.ts decides who may), PUT /assignees and
 * PUT /reviewer (editors and admins), GET /activity (its audit log, oldest first).
 */
export function articleWorkflowRoutes(deps: AppDeps): Router {
  const router = Router();
  const editorial = requireRole('editor', 'admin');

  router.post('/articles/:id/transitions', (req, res) => {
    const body = parseBody(TransitionBody, req.body);
    const record = transitionArticle(deps, { articleId: req.params.id, actor: authOf(res).user, to: body.to, note: body.note });
    sendArticle(deps, res, record);
  });

  router.put('/articles/:id/assignees', editorial, (req, res) => {
    const body = parseBody(AssigneesBody, req.body);
    const record = setAssignees(deps, { articleId: req.params.id as string, actor: authOf(res).user, usernames: body.usernames });
    sendArticle(deps, res, record);
  });

  router.put('/articles/:id/reviewer', editorial, (req, res) => {
    const body = parseBody(ReviewerBody, req.body);
    const record = setReviewer(deps, { articleId: req.params.id as string, actor: authOf(res).user, username: body.username });
    sendArticle(deps, res, record);
  });

  router.get('/articles/:id/activity', (req, res) => {
    const record = findArticle(deps, req.params.id);
    const entries: ActivityEntry[] = deps.accounts.audit
      .forArticle(record.id)
      .map(({ id, actor, action, subject, from, to, note, at }) => ({
        id,
        actor,
        actorName: deps.accounts.users.findByUsername(actor)?.displayName ?? actor,
        action,
        subject,
        subjectName: subject === null ? null : (deps.accounts.users.findByUsername(subject)?.displayName ?? null),
        from,
        to,
        note,
        at,
      }));
    res.json({ entries });
  });

  return router;
}
