import { Router } from 'express';
import { z } from 'zod';
import { ErrorId } from '../../shared/api.ts';
import type { PublicationPreview, PublishingState, PublishResponse } from '../../shared/publishing.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';
import { previewPublication } from '../publish/previewPublication.ts';
import { CORRECTION_MAX_LENGTH } from '../publish/publishArticle.ts';
import { publishRefusal } from '../publish/publishRefusal.ts';
import { scheduleArticle } from '../publish/scheduleArticle.ts';
import { unpublishArticle } from '../publish/unpublishArticle.ts';
import { findArticle } from './articles.ts';

const publishBody = z.object({ correction: z.string().max(CORRECTION_MAX_LENGTH).optional() }).strict();
const previewQuery = z.object({ correction: z.string().max(CORRECTION_MAX_LENGTH).optional() });
const scheduleBody = z
  .object({
    publishAt: z.string().max(64).nullable(),
    // Absent means none, as null does.
    embargoUntil: z.string().max(64).nullable().default(null),
  })
  .strict();

/**
 * A story's publishing (issue 5): POST /publish, POST /unpublish, GET/PUT /schedule and
 * GET /preview for editors and admins; GET /publications and /publications/:version for anyone
 * signed in. The public pages themselves are served by the site router, without a session.
 */
export function publishingRoutes(deps: AppDeps): Router {
  const router = Router();
  const editorial = requireRole('editor', 'admin');
  const { publishing } = deps;
  const { publications, schedule } = publishing.deps;

  router.post('/articles/:id/publish', editorial, async (req, res) => {
    const body = parseBody(publishBody, req.body ?? {});
    const result = await publishing.publish({ articleId: req.params.id as string, by: authOf(res).user.username, correction: body.correction ?? null });
    if (!result.ok) throw publishRefusal(result);
    const { html: _html, ninjs: _ninjs, ...summary } = result.publication;
    res.location(`/api/articles/${encodeURIComponent(result.publication.articleId)}/publications/${result.publication.version}`);
    const answer: PublishResponse = { ...summary, event: result.event, delivery: result.delivery ? withoutPayload(result.delivery) : null };
    res.status(201).json(answer);
  });

  router.post('/articles/:id/unpublish', editorial, async (req, res) => {
    const record = await findArticle(deps, req.params.id as string);
    const by = authOf(res).user.username;
    const result = await unpublishArticle(publishing.deps, { articleId: record.id, by, status: record.status });
    if (!result.ok) throw new HttpError(409, ErrorId.NotPublished, result.message);
    // A published story goes back to approved: its status says it is no longer live.
    const to = record.status === 'published' ? 'approved' : null;
    await deps.accounts.audit.append({ articleId: record.id, actor: by, action: 'unpublish', from: to ? record.status : null, to, at: publishing.clock.now().toISOString() });
    res.json({ ok: true, live: await publications.siteState(record.id) });
  });

  router.get('/articles/:id/schedule', async (req, res) => {
    const record = await findArticle(deps, req.params.id as string);
    res.json({ schedule: await schedule.get(record.id) });
  });

  router.put('/articles/:id/schedule', editorial, async (req, res) => {
    const body = parseBody(scheduleBody, req.body);
    const by = authOf(res).user.username;
    const result = await scheduleArticle(publishing.deps, { articleId: req.params.id as string, by, ...body });
    if (!result.ok) {
      throw result.reason === 'not_found'
        ? new HttpError(404, ErrorId.ArticleNotFound, result.message)
        : new HttpError(400, ErrorId.ValidationFailed, result.message);
    }
    publishing.scheduler.reschedule();
    const { publishAt, embargoUntil } = result.schedule;
    const note =
      publishAt === null && embargoUntil === null
        ? 'No publication time, no embargo'
        : [publishAt ? `Publish at ${publishAt}` : null, embargoUntil ? `Embargo until ${embargoUntil}` : null].filter(Boolean).join('; ');
    await deps.accounts.audit.append({ articleId: result.schedule.articleId, actor: by, action: 'schedule', to: publishAt, note, at: result.schedule.updatedAt });
    res.json({ schedule: result.schedule });
  });

  router.get('/articles/:id/publications', async (req, res) => {
    const record = await findArticle(deps, req.params.id as string);
    const state: PublishingState = {
      live: await publications.siteState(record.id),
      url: await liveUrl(deps, record.id),
      schedule: await schedule.get(record.id),
      publications: await publications.list(record.id),
      deliveries: (await publishing.webhooks.forArticle(record.id)).map(withoutPayload),
    };
    res.json(state);
  });

  router.get('/articles/:id/publications/:version', async (req, res) => {
    const record = await findArticle(deps, req.params.id as string);
    const version = Number(req.params.version);
    const publication = Number.isSafeInteger(version) && version >= 1 ? await publications.get(record.id, version) : null;
    if (!publication) throw new HttpError(404, ErrorId.NotFound, `The story has no publication ${JSON.stringify(req.params.version)}.`);
    res.json(publication);
  });

  router.get('/articles/:id/preview', editorial, async (req, res) => {
    const query = parseBody(previewQuery, { correction: req.query.correction });
    const result = await previewPublication(publishing.deps, {
      articleId: req.params.id as string,
      by: authOf(res).user.username,
      correction: query.correction ?? null,
    });
    if (!result.ok) throw new HttpError(404, ErrorId.ArticleNotFound, result.message);
    const { ok: _ok, ...rest } = result;
    const preview: PublicationPreview = rest;
    res.json(preview);
  });

  return router;
}

function withoutPayload<T extends { payload: string }>(delivery: T): Omit<T, 'payload'> {
  const { payload: _payload, ...rest } = delivery;
  return rest;
}

/** The story's public page address while it is live, else null. */
async function liveUrl(deps: AppDeps, articleId: string): Promise<string | null> {
  const { publications, slugs } = deps.publishing.deps;
  if ((await publications.siteState(articleId))?.state !== 'live') return null;
  const address = await slugs.current(articleId);
  return address ? `/site/${encodeURIComponent(address.section)}/${encodeURIComponent(address.slug)}` : null;
}
