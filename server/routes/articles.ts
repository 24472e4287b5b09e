import { Router, type Response } from 'express';
import { z } from 'zod';
import { ErrorId, HEADLINE_MAX_LENGTH } from '../../shared/api.ts';
import { noUnsafeCharacters } from '../../shared/text/noUnsafeCharacters.ts';
import { ARTICLE_PAGE_MAX, ARTICLE_PAGE_SIZE, ARTICLE_SORTS } from '../../shared/search/articleSorts.ts';
import { STATUSES } from '../../shared/workflow.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { createArticle } from '../commands/createArticle.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';
import { displayNames } from '../presenters/displayNames.ts';
import { presentArticle, presentArticleSummary, presentPeople } from '../presenters/presentArticle.ts';
import { pageOfStories } from '../search/pageOfStories.ts';
import type { ArticleRecord } from '../storage/ArticleStore.ts';

/** What the article routes need. */
export type ArticleRoutesDeps = Pick<AppDeps, 'articleStore' | 'docStore' | 'searchIndex' | 'authorship' | 'registry' | 'accounts'>;

const createBody = z.object({
  headline: z.string().trim().min(1, 'A headline is required.').max(HEADLINE_MAX_LENGTH).superRefine(noUnsafeCharacters('line')),
});

const listQuery = z.object({
  status: z.enum(STATUSES).optional(),
  mine: z.enum(['1', 'true', '0', 'false']).optional(),
  /** Spiked stories are off the list; `?spiked=1` lists only them. */
  spiked: z.enum(['1', 'true', '0', 'false']).optional(),
  q: z.string().max(200).superRefine(noUnsafeCharacters('line')).optional(),
  sort: z.enum(ARTICLE_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(ARTICLE_PAGE_MAX).default(ARTICLE_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Finds a story row or throws 404 `article_not_found`. */
export async function findArticle(deps: Pick<AppDeps, 'articleStore'>, id: string): Promise<ArticleRecord> {
  const record = await deps.articleStore.get(id);
  if (!record) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(id)}.`);
  return record;
}

/** Sends a story as the signed-in user sees it (their allowed transitions, whether they may edit). */
export async function sendArticle(deps: ArticleRoutesDeps, res: Response, record: ArticleRecord, status = 200): Promise<void> {
  const viewer = authOf(res).user;
  const { members, users } = deps.accounts;
  const [people, names] = await Promise.all([members.get(record.id), displayNames(users)]);
  res.status(status).json(presentArticle(record, deps.registry.presence(record.id), people, names, viewer));
}

/** /api/articles: create, list (`?status=`, `?mine=1`, `?q=`, `?sort=`, `?limit=&offset=`) and read stories (exports: articleExportRoutes). */
export function articleRoutes(deps: ArticleRoutesDeps): Router {
  const router = Router();
  const { members, users } = deps.accounts;

  router.post('/articles', requireRole('reporter', 'editor', 'admin'), async (req, res) => {
    const body = parseBody(createBody, req.body);
    const actor = authOf(res).user;
    // The story, its creator and the log entry land together: no story without an owner or a history.
    const record = await deps.accounts.transact(async () => {
      const created = await createArticle(deps, { ...body, by: actor.username });
      await members.setCreator(created.id, actor.id);
      await deps.accounts.audit.append({ articleId: created.id, actor: actor.username, action: 'create', to: created.status, at: created.createdAt });
      return created;
    });
    res.location(`/api/articles/${record.id}`);
    await sendArticle(deps, res, record, 201);
  });

  router.get('/articles', async (req, res) => {
    const query = parseBody(listQuery, req.query);
    const spikedOnly = query.spiked === '1' || query.spiked === 'true';
    const mine = query.mine === '1' || query.mine === 'true' ? new Set(await members.articleIdsOf(authOf(res).user.id)) : null;
    const records = (await deps.articleStore.list()).filter(
      (record) =>
        (query.status === undefined || record.status === query.status) &&
        (mine === null || mine.has(record.id)) &&
        ((record.spikedAt ?? null) !== null) === spikedOnly,
    );
    const page = await pageOfStories(deps.searchIndex, records, query);
    const names = await displayNames(users);
    const articles = [];
    for (const record of page.records) {
      const match = page.matches.get(record.id);
      const summary = presentArticleSummary(record, deps.registry.presence(record.id), presentPeople(await members.get(record.id), names));
      articles.push(match ? { ...summary, match } : summary);
    }
    res.json({ articles, total: page.total, nextOffset: page.nextOffset });
  });

  router.get('/articles/:id', async (req, res) => {
    await sendArticle(deps, res, await findArticle(deps, req.params.id));
  });

  return router;
}
