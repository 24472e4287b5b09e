import { Router } from 'express';
import { z } from 'zod';
import { ErrorId } from '../../shared/api.ts';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { fromHtml } from '../../shared/import/fromHtml.ts';
import type { HtmlParser } from '../../shared/import/HtmlParser.ts';
import { fromPlainText } from '../../shared/import/fromPlainText.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { importArticle } from '../commands/importArticle.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';
import { sendArticle } from './articles.ts';

const importBody = z
  .object({
    format: z.enum(['text', 'html']),
    content: z.string().refine((content) => content.trim() !== '', 'There is nothing to import.'),
  })
  .strict();

/**
 * Parses HTML into a document without running anything in it (happy-dom evaluates no scripts here).
 * happy-dom (about 18 MiB) is loaded at the first HTML import.
 */
async function parseHtml(html: string): Promise<ArticleJson> {
  const { Window } = await import('happy-dom');
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  try {
    return fromHtml(html, new window.DOMParser() as unknown as HtmlParser);
  } finally {
    void window.happyDOM.close();
  }
}

/**
 * POST /api/articles/import `{ format: 'text'|'html', content }` → 201 with the new story (a draft
 * whose first state is the imported document; the importer is its creator). Plain text: first
 * line the headline, "READ MORE:" lines as READ MORE blocks. HTML: headline, paragraphs, figures
 * with their captions and links kept, everything unsafe dropped. The body limit is MAX_BODY_BYTES.
 */
export function articleImportRoutes(deps: AppDeps): Router {
  const router = Router();

  router.post('/articles/import', requireRole('reporter', 'editor', 'admin'), async (req, res) => {
    const body = parseBody(importBody, req.body);
    let article: ArticleJson;
    try {
      article = body.format === 'text' ? fromPlainText(body.content) : await parseHtml(body.content);
    } catch (error) {
      if (error instanceof RangeError) throw new HttpError(400, ErrorId.ValidationFailed, `The ${body.format} cannot be imported: ${error.message}`);
      throw error;
    }
    if (article.doc.content?.[0]?.content === undefined || article.doc.content[0].content.length === 0) {
      throw new HttpError(400, ErrorId.ValidationFailed, 'The imported story has no headline.');
    }
    const actor = authOf(res).user;
    const record = await deps.accounts.transact(async () => {
      const created = await importArticle(deps, article, actor.username);
      await deps.accounts.members.setCreator(created.id, actor.id);
      await deps.accounts.audit.append({
        articleId: created.id,
        actor: actor.username,
        action: 'import',
        from: body.format,
        to: created.status,
        at: created.createdAt,
      });
      return created;
    });
    res.location(`/api/articles/${record.id}`);
    await sendArticle(deps, res, record, 201);
  });

  return router;
}
