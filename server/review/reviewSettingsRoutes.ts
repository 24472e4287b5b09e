import { Router } from 'express';
import { ErrorId } from '../../shared/api.ts';
import { ReviewSettingsBody } from '../../shared/review/reviewBodies.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';
import { findArticle, sendArticle } from '../routes/articles.ts';

/**
 * PUT /api/articles/:id/review `{ requireSuggestions?, assignedWords? }` (editors and admins):
 * whether everyone but editors must suggest while the story is in review, and the body length it
 * was assigned. Answers the story (`requireSuggestions`, `assignedWords`); each change is in its activity
 * (`review_settings`, with a note saying what changed).
 */
export function reviewSettingsRoutes(deps: AppDeps): Router {
  const router = Router();

  router.put('/articles/:id/review', requireRole('editor', 'admin'), async (req, res) => {
    const record = await findArticle(deps, String(req.params.id));
    const body = parseBody(ReviewSettingsBody, req.body ?? {});
    const at = new Date().toISOString();
    if (!(await deps.articleStore.setReviewSettings(record.id, body, at))) {
      throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(record.id)}.`);
    }
    await deps.registry.refreshRules(record.id);
    const actor = authOf(res).user.username;
    const audit = deps.accounts.audit;
    if (body.requireSuggestions !== undefined && body.requireSuggestions !== (record.requireSuggestions ?? false)) {
      const note = body.requireSuggestions ? 'Suggesting required while in review' : 'Suggesting no longer required';
      await audit.append({ articleId: record.id, actor, action: 'review_settings', subject: 'requireSuggestions', from: String(record.requireSuggestions ?? false), to: String(body.requireSuggestions), note, at });
    }
    if (body.assignedWords !== undefined && body.assignedWords !== (record.assignedWords ?? null)) {
      const words = (value: number | null | undefined) => (value == null ? null : String(value));
      const note = body.assignedWords === null ? 'Assigned length cleared' : `Assigned length: ${body.assignedWords} words`;
      await audit.append({ articleId: record.id, actor, action: 'review_settings', subject: 'assignedWords', from: words(record.assignedWords), to: words(body.assignedWords), note, at });
    }
    await sendArticle(deps, res, await findArticle(deps, record.id));
  });

  return router;
}
