import { Router } from 'express';
import { z } from 'zod';
import { WORDS_BACK_PAGE, type WordsBackDeliveredBody, type WordsBackList } from '../../shared/api.ts';
import { readRefusalNotice } from '../../shared/collab/refusalNotice.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf } from '../auth/authMiddleware.ts';
import { parseBody } from '../http/parseBody.ts';
import { findArticle } from '../routes/articles.ts';
import type { WordsBackStore } from '../storage/WordsBackStore.ts';

const DeliveredBody: z.ZodType<WordsBackDeliveredBody> = z
  .object({ ids: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(WORDS_BACK_PAGE) })
  .strict();

/**
 * The signed-in account's words a story did not keep, until one of her browsers has them:
 * GET /api/articles/:id/words-back lists them (oldest first, at most WORDS_BACK_PAGE), POST
 * /api/articles/:id/words-back/delivered ({ids}) forgets those her browser names. Her
 * browser asks on every (re)connection, so a notice whose socket dropped before it arrived still
 * reaches her. Only ever her own: they are her words, whatever her access to the story is now.
 */
export function wordsBackRoutes(deps: Pick<AppDeps, 'articleStore'> & { wordsBack: WordsBackStore }): Router {
  const router = Router();

  router.get('/articles/:id/words-back', async (req, res) => {
    const record = await findArticle(deps, req.params.id);
    const kept = await deps.wordsBack.pending(record.id, authOf(res).user.id, WORDS_BACK_PAGE);
    const list: WordsBackList = {
      notices: kept.map(({ id, notice, createdAt }) => {
        const { reason, words, continues, followUp } = readRefusalNotice(notice);
        return { id, reason, words, continues, followUp, createdAt };
      }),
    };
    res.set('Cache-Control', 'no-store').json(list);
  });

  router.post('/articles/:id/words-back/delivered', async (req, res) => {
    const { ids } = parseBody(DeliveredBody, req.body);
    const record = await findArticle(deps, req.params.id);
    await deps.wordsBack.delivered(record.id, authOf(res).user.id, ids);
    res.status(204).end();
  });

  return router;
}
