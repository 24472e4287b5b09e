import { Router } from 'express';
import { AssigneesBody, ReviewerBody, TransitionBody, type ActivityEntry } from '../../shared/accounts.ts';
import type { AppDeps } from '../AppDeps.ts';
import { displayNames } from '../presenters/displayNames.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { setAssignees, setReviewer } from '../commands/assignPeople.ts';
import { publishTransition } from '../commands/publishTransition.ts';
import { transitionArticle } from '../commands/transitionArticle.ts';
import { parseBody } from '../http/parseBody.ts';
import { keepTransitionVersion } from '../versions/keepTransitionVersion.ts';
import { findArticle, sendArticle } from './articles.ts';

/**
 * A story's workflow: POST /transitions (shared/workflow.ts decides who may), PUT /assignees and
 * PUT /reviewer (editors and admins), GET /activity (its audit log, oldest first).
 */
export function articleWorkflowRoutes(deps: AppDeps): Router {
  const router = Router();
  const editorial = requireRole('editor', 'admin');

  router.post('/articles/:id/transitions', async (req, res) => {
    const body = parseBody(TransitionBody, req.body);
    const input = { articleId: req.params.id, actor: authOf(res).user, note: body.note };
    const from = (await findArticle(deps, input.articleId)).status;
    // Publishing is more than a status: it freezes a publication and puts the story on the site.
    const record = body.to === 'published' ? await publishTransition(deps, input) : await transitionArticle(deps, { ...input, to: body.to });
    // Publishing keeps its version through Publishing.onPublished (the scheduler publishes too).
    if (body.to !== 'published') {
      await keepTransitionVersion(deps, { articleId: record.id, from, to: record.status, by: input.actor.username });
    }
    await sendArticle(deps, res, record);
  });

  router.put('/articles/:id/assignees', editorial, async (req, res) => {
    const body = parseBody(AssigneesBody, req.body);
    const record = await setAssignees(deps, { articleId: req.params.id as string, actor: authOf(res).user, usernames: body.usernames });
    await sendArticle(deps, res, record);
  });

  router.put('/articles/:id/reviewer', editorial, async (req, res) => {
    const body = parseBody(ReviewerBody, req.body);
    const record = await setReviewer(deps, { articleId: req.params.id as string, actor: authOf(res).user, username: body.username });
    await sendArticle(deps, res, record);
  });

  router.get('/articles/:id/activity', async (req, res) => {
    const record = await findArticle(deps, req.params.id);
    const names = await displayNames(deps.accounts.users);
    const entries: ActivityEntry[] = (await deps.accounts.audit.forArticle(record.id))
      .map(({ id, actor, action, subject, from, to, note, at }) => ({
        id,
        actor,
        actorName: names.get(actor.toLowerCase()) ?? actor,
        action,
        subject,
        subjectName: subject === null ? null : (names.get(subject.toLowerCase()) ?? null),
        from,
        to,
        note,
        at,
      }));
    res.json({ entries });
  });

  return router;
}
