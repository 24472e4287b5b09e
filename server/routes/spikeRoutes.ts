import { Router, type RequestHandler } from 'express';
import { ErrorId } from '../../shared/api.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf } from '../auth/authMiddleware.ts';
import { deleteStory } from '../commands/deleteStory.ts';
import { restoreStory } from '../commands/restoreStory.ts';
import { spikeStory } from '../commands/spikeStory.ts';
import { HttpError } from '../http/HttpError.ts';
import { sendArticle } from './articles.ts';

/**
 * Spiking (issue 11): POST /articles/:id/spike and /restore (editors and admins; a reporter their
 * own draft), DELETE /articles/:id (admins, a spiked story only).
 */
export function spikeRoutes(deps: AppDeps): Router {
  const router = Router();

  router.post('/articles/:id/spike', async (req, res) => {
    const record = await spikeStory(deps, req.params.id as string, authOf(res).user);
    await sendArticle(deps, res, record);
  });

  router.post('/articles/:id/restore', async (req, res) => {
    const record = await restoreStory(deps, req.params.id as string, authOf(res).user);
    await sendArticle(deps, res, record);
  });

  router.delete('/articles/:id', async (req, res) => {
    await deleteStory(deps, req.params.id as string, authOf(res).user);
    res.status(204).end();
  });

  return router;
}

/**
 * Mounted on /articles/:id after spikeRoutes: every state-changing request about a spiked story
 * (comments, versions, transitions, people, publishing, schedule, review settings, metadata) is
 * refused with 409 `story_spiked` until it is restored. Reads go through.
 */
export function refuseSpikedChanges(deps: Pick<AppDeps, 'articleStore'>): RequestHandler {
  return async (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const id = req.params.id;
    const record = typeof id === 'string' ? await deps.articleStore.get(id) : null;
    if ((record?.spikedAt ?? null) !== null) {
      throw new HttpError(409, ErrorId.StorySpiked, 'The story is spiked: restore it before changing it.');
    }
    next();
  };
}
