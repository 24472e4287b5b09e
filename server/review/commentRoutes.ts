import { Router, type Response } from 'express';
import type * as Y from 'yjs';
import { ErrorId } from '../../shared/api.ts';
import {
  addThread,
  deleteComment,
  editComment,
  listThreads,
  reopen,
  reply,
  resolve,
  type CommentAuthor,
  type CommentThread,
} from '../../shared/review/commentThreads.ts';
import { ReviewError } from '../../shared/review/ReviewError.ts';
import { CommentBody, NewThreadBody } from '../../shared/review/reviewBodies.ts';
import { authOf } from '../auth/authMiddleware.ts';
import { answerWhenStored } from '../collab/answerWhenStored.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { TransactionOrigin } from '../collab/origins.ts';
import { HttpError } from '../http/HttpError.ts';
import { parseBody } from '../http/parseBody.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import type { UserRecord } from '../storage/UserStore.ts';

/** What the comment routes need: the story rows and the LIVE documents. */
export interface CommentRoutesDeps {
  articleStore: Pick<ArticleStore, 'get'>;
  registry: Pick<DocumentRegistry, 'open' | 'release'>;
}

const REVIEW_ERROR_STATUS: Partial<Record<ErrorId, number>> = {
  [ErrorId.ValidationFailed]: 400,
  [ErrorId.Forbidden]: 403,
  [ErrorId.NotFound]: 404,
};

/** The author of the signed-in user's comments: the same identity the editor gives their suggestions. */
export function commentAuthor(user: Pick<UserRecord, 'username' | 'displayName' | 'color'>): CommentAuthor {
  return { id: user.username, name: user.displayName, color: user.color };
}

/**
 * /api/articles/:id/comments: list threads (detached ones included), open one on a range of the
 * story, reply, edit or delete one's own comment (403 for anyone else's), resolve and reopen.
 * Everyone signed in may comment, viewers included: the server applies each change to the story's
 * live document itself (a `server` origin), so it reaches every open socket like any edit and is
 * stored with the story, while read-only sockets still write nothing. Mount after `requireSession`.
 */
export function commentRoutes(deps: CommentRoutesDeps): Router {
  const router = Router();

  const findStory = async (id: string): Promise<ArticleRecord> => {
    const record = await deps.articleStore.get(id);
    if (!record) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(id)}.`);
    return record;
  };

  /** Runs `fn` on the story's live document with the signed-in user as author, turning refusals into HTTP errors. */
  const onLiveDoc = async <T>(res: Response, articleId: string, fn: (ydoc: Y.Doc, author: CommentAuthor, origin: TransactionOrigin) => T): Promise<T> => {
    const { user } = authOf(res);
    const author = commentAuthor(user);
    const live = await deps.registry.open(articleId);
    try {
      const result = fn(live.ydoc, author, { kind: 'server', reason: `comment by ${user.username}` });
      await answerWhenStored(live);
      return result;
    } catch (error) {
      if (error instanceof ReviewError) throw new HttpError(REVIEW_ERROR_STATUS[error.id] ?? 400, error.id, error.message);
      throw error;
    } finally {
      deps.registry.release(articleId);
    }
  };

  const threadOf = (ydoc: Y.Doc, threadId: string): CommentThread | null => listThreads(ydoc).find((thread) => thread.id === threadId) ?? null;

  router.get('/articles/:id/comments', async (req, res) => {
    const record = await findStory(req.params.id);
    const threads = await onLiveDoc(res, record.id, (ydoc) => listThreads(ydoc));
    res.json({ threads });
  });

  router.post('/articles/:id/comments', async (req, res) => {
    const record = await findStory(req.params.id);
    const body = parseBody(NewThreadBody, req.body);
    const thread = await onLiveDoc(res, record.id, (ydoc, author, origin) => {
      const id = addThread(ydoc, { from: body.from, to: body.to, body: body.body, author, origin });
      return threadOf(ydoc, id);
    });
    res.location(`/api/articles/${record.id}/comments/${thread?.id ?? ''}`);
    res.status(201).json({ thread });
  });

  router.post('/articles/:id/comments/:threadId/replies', async (req, res) => {
    const record = await findStory(req.params.id);
    const { body } = parseBody(CommentBody, req.body);
    const thread = await onLiveDoc(res, record.id, (ydoc, author, origin) => {
      reply(ydoc, req.params.threadId, { body, author, origin });
      return threadOf(ydoc, req.params.threadId);
    });
    res.status(201).json({ thread });
  });

  router.patch('/articles/:id/comments/:threadId/replies/:commentId', async (req, res) => {
    const record = await findStory(req.params.id);
    const { body } = parseBody(CommentBody, req.body);
    const thread = await onLiveDoc(res, record.id, (ydoc, author, origin) => {
      editComment(ydoc, req.params.threadId, req.params.commentId, author, body, { origin });
      return threadOf(ydoc, req.params.threadId);
    });
    res.json({ thread });
  });

  // A thread whose every comment is deleted is no longer listed: `thread` is then null.
  router.delete('/articles/:id/comments/:threadId/replies/:commentId', async (req, res) => {
    const record = await findStory(req.params.id);
    const thread = await onLiveDoc(res, record.id, (ydoc, author, origin) => {
      deleteComment(ydoc, req.params.threadId, req.params.commentId, author, { origin });
      return threadOf(ydoc, req.params.threadId);
    });
    res.json({ thread });
  });

  for (const [action, apply] of [
    ['resolve', resolve],
    ['reopen', reopen],
  ] as const) {
    router.post(`/articles/:id/comments/:threadId/${action}`, async (req, res) => {
      const record = await findStory(req.params.id);
      const thread = await onLiveDoc(res, record.id, (ydoc, author, origin) => {
        apply(ydoc, req.params.threadId, author, { origin });
        return threadOf(ydoc, req.params.threadId);
      });
      res.json({ thread });
    });
  }

  return router;
}
