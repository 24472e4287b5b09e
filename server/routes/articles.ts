import { Router } from 'express';
import { z } from 'zod';
import { ErrorId, HEADLINE_MAX_LENGTH } from '../../shared/api.ts';
import { toHtml } from '../../shared/export/toHtml.ts';
import { toJson } from '../../shared/export/toJson.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import { createArticle } from '../commands/createArticle.ts';
import { readStory } from '../commands/readStory.ts';
import { HttpError } from '../http/HttpError.ts';
import { presentArticle, presentArticleSummary } from '../presenters/presentArticle.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import type { DocStore } from '../storage/DocStore.ts';

/** What the article routes need. */
export interface ArticleRoutesDeps {
  articleStore: ArticleStore;
  docStore: DocStore;
  registry: DocumentRegistry;
}

const createBody = z.object({
  headline: z.string().trim().min(1, 'A headline is required.').max(HEADLINE_MAX_LENGTH),
});

const exportQuery = z.object({ format: z.enum(['html', 'json']).default('html') });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const message = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    throw new HttpError(400, ErrorId.ValidationFailed, message, result.error.issues);
  }
  return result.data;
}

/** /api/articles: create, list, read and export stories. */
export function articleRoutes(deps: ArticleRoutesDeps): Router {
  const router = Router();

  const find = (id: string): ArticleRecord => {
    const record = deps.articleStore.get(id);
    if (!record) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(id)}.`);
    return record;
  };

  router.post('/articles', (req, res) => {
    const body = parse(createBody, req.body);
    const record = createArticle(deps, body);
    res.status(201).location(`/api/articles/${record.id}`).json(presentArticle(record, []));
  });

  router.get('/articles', (_req, res) => {
    const articles = deps.articleStore
      .list()
      .map((record) => presentArticleSummary(record, deps.registry.presence(record.id)));
    res.json({ articles });
  });

  router.get('/articles/:id', (req, res) => {
    const record = find(req.params.id);
    res.json(presentArticle(record, deps.registry.presence(record.id)));
  });

  router.get('/articles/:id/export', (req, res) => {
    const query = exportQuery.safeParse({ format: req.query.format });
    if (!query.success) {
      throw new HttpError(400, ErrorId.UnsupportedFormat, 'format must be "html" or "json".');
    }
    const record = find(req.params.id);
    const article = readStory(deps, record.id);
    if (query.data.format === 'html') {
      res.type('text/html; charset=utf-8').send(toHtml(article));
    } else {
      res.json(toJson(article));
    }
  });

  return router;
}
