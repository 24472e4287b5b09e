import { Router } from 'express';
import { z } from 'zod';
import { ErrorId, EXPORT_FORMATS, type ExportFormat } from '../../shared/api.ts';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { articlePage } from '../../shared/export/articlePage.ts';
import { toJson } from '../../shared/export/toJson.ts';
import { toMarkdown } from '../../shared/export/toMarkdown.ts';
import { toNinjs } from '../../shared/export/toNinjs.ts';
import { toText } from '../../shared/export/toText.ts';
import { withoutSuggestions } from '../../shared/editor/suggestions/withoutSuggestions.ts';
import type { AppDeps } from '../AppDeps.ts';
import { readStory } from '../commands/readStory.ts';
import { summarize } from '../../shared/article/summarize.ts';
import { exportDisposition } from './exportFileName.ts';
import { withResolvedAuthors } from '../bylines/withResolvedAuthors.ts';
import { HttpError } from '../http/HttpError.ts';
import { exportInfo } from '../publish/exportInfo.ts';
import { findArticle } from './articles.ts';

const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('html') });

const CONTENT_TYPES: Record<ExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  ninjs: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

// An exported page runs nothing, even when opened straight from the API's origin.
const EXPORT_CSP = "default-src 'none'; img-src 'self' http: https:; style-src 'self' 'unsafe-inline'";

/**
 * GET /api/articles/:id/export?format=html|ninjs|md|json|text: the story as it is now (its live
 * document when open), pending suggestions left out. `html` is the full article page, `ninjs` the
 * IPTC ninjs 3.1 item. Needs a session, like every /api route: embargoed and unpublished stories
 * never leave through here to the public. Sent as an attachment named after the story's slug
 * (`exportFileName`).
 */
export function articleExportRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/articles/:id/export', async (req, res) => {
    const query = exportQuery.safeParse({ format: req.query.format });
    if (!query.success) {
      throw new HttpError(400, ErrorId.UnsupportedFormat, `format must be one of ${EXPORT_FORMATS.join(', ')}.`);
    }
    const record = await findArticle(deps, req.params.id);
    const story = await withResolvedAuthors(await readStory(deps, record.id), deps.accounts.users);
    const article: ArticleJson = { meta: story.meta, doc: withoutSuggestions(story.doc) };
    const format = query.data.format;
    let body: string;
    try {
      const info = format === 'html' || format === 'ninjs' ? await exportInfo(deps.publishing.deps, record, article) : null;
      body = render(format, article, () => info!);
    } catch (error) {
      if (error instanceof RangeError) throw new HttpError(422, ErrorId.ValidationFailed, `The story cannot be exported: ${error.message}`);
      throw error;
    }
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', exportDisposition(article.meta.slug, summarize(article).headline, format));
    if (format === 'html') res.setHeader('Content-Security-Policy', EXPORT_CSP);
    res.send(body);
  });

  return router;
}

function render(format: ExportFormat, article: ArticleJson, info: () => Awaited<ReturnType<typeof exportInfo>>): string {
  switch (format) {
    case 'html':
      return articlePage(article, info());
    case 'ninjs':
      return JSON.stringify(toNinjs(article, info()));
    case 'md':
      return toMarkdown(article);
    case 'json':
      return JSON.stringify(toJson(article));
    case 'text':
      return toText(article);
  }
}
