import { Router, type Response } from 'express';
import { z } from 'zod';
import { ErrorId, HEADLINE_MAX_LENGTH } from '../../shared/api.ts';
import { STATUSES } from '../../shared/workflow.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { createArticle } from '../commands/createArticle.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';
import { presentArticle, presentArticleSummary, presentPeople } from '../presenters/presentArticle.ts';
import type { ArticleRecord } from '../storage/ArticleStore.ts';

/** What the article routes need. */
export type ArticleRoutesDeps = Pick<AppDeps, 'articleStore' | 'docStore' | 'registry' | 'accounts'>;

const createBody = z.object({
  headline: z.string().trim().min(1, 'A headline is required.').max(HEADLINE_MAX_LENGTH),
});

const listQuery = z.object({
  status: z.enum(STATUSES).optional(),
  mine: z.enum(['1', 'true', '0', 'false']).optional(),
});

/** Finds a story row or throws 404 `article_not_found`. */
export function findArticle(deps: Pick<AppDeps, 'articleStore'>, id: string): ArticleRecord {
  const record = deps.articleStore.get(id);
  if (!record) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(id)}.`);
  return record;
}

/** Sends a story as the signed-in user sees it (their allowed transitions, whether they may edit). */
export function sendArticle(deps: ArticleRoutesDeps, res: Response, record: ArticleRecord, status = 200): void {
  const viewer = authOf(res).user;
  const { members, users } = deps.accounts;
  res.status(status).json(presentArticle(record, deps.registry.presence(record.id), members.get(record.id), users, viewer));
}

/** /api/articles: create, list (`?status=`, `?mine=1`) and read stories (exports: articleExportRoutes). */
export function articleRoutes(deps: ArticleRoutesDeps): Router {
  const router = Router();
  const { members, users } = deps.accounts;

  router.post('/articles', requireRole('reporter', 'editor', 'admin'), (req, res) => {
    const body = parseBody(createBody, req.body);
    const actor = authOf(res).user;
    // The story, its creator and the log entry land together: no story without an owner or a history.
    const record = deps.accounts.transact(() => {
      const created = createArticle(deps, body);
      members.setCreator(created.id, actor.id);
      deps.accounts.audit.append({ articleId: created.id, actor: actor.username, action: 'create', to: created.status, at: created.createdAt });
      return created;
    });
    res.location(`/api/articles/${record.id}`);
    sendArticle(deps, res, record, 201);
  });

  router.get('/articles', (req, res) => {
    const query = parseBody(listQuery, req.query);
    const mine = query.mine === '1' || query.mine === 'true' ? new Set(members.articleIdsOf(authOf(res).user.id)) : null;
    const articles = deps.articleStore
      .list()
      .filter((record) => (query.status === undefined || record.status === query.status) && (mine === null || mine.has(record.id)))
      .map((record) =>
        presentArticleSummary(record, deps.registry.presence(record.id), presentPeople(members.get(record.id), users)),
      );
    res.json({ articles });
  });

  router.get('/articles/:id', (req, res) => {
    sendArticle(deps, res, findArticle(deps, req.params.id));
  });

  return router;
}
