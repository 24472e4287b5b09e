import type { Article } from '../../../shared/api.ts';
import type { CommentThread } from '../../../shared/review/listThreads.ts';
import type { ReviewSettingsBody } from '../../../shared/review/reviewBodies.ts';
import { request } from '../api.ts';

const storyPath = (id: string) => `/api/articles/${encodeURIComponent(id)}`;
const threadPath = (id: string, threadId: string) => `${storyPath(id)}/comments/${encodeURIComponent(threadId)}`;

type ThreadAnswer = { thread: CommentThread };

/** Every thread of a story, detached ones included. */
export async function listComments(articleId: string): Promise<CommentThread[]> {
  const body = await request<{ threads: CommentThread[] }>(`${storyPath(articleId)}/comments`);
  return body.threads;
}

/** Opens a thread on the text between ProseMirror positions `from` and `to`. */
export async function addComment(articleId: string, from: number, to: number, body: string): Promise<CommentThread> {
  const answer = await request<ThreadAnswer>(`${storyPath(articleId)}/comments`, {
    method: 'POST',
    body: JSON.stringify({ from, to, body }),
  });
  return answer.thread;
}

/** Replies to a thread. */
export async function replyToThread(articleId: string, threadId: string, body: string): Promise<CommentThread> {
  const answer = await request<ThreadAnswer>(`${threadPath(articleId, threadId)}/replies`, {
    method: 'POST',
    body: JSON.stringify({ body }),
  });
  return answer.thread;
}

/** Changes the text of one of the signed-in user's own comments. */
export async function editComment(articleId: string, threadId: string, commentId: string, body: string): Promise<CommentThread> {
  const answer = await request<ThreadAnswer>(`${threadPath(articleId, threadId)}/replies/${encodeURIComponent(commentId)}`, {
    method: 'PATCH',
    body: JSON.stringify({ body }),
  });
  return answer.thread;
}

/** Deletes one of the signed-in user's own comments. */
export async function deleteComment(articleId: string, threadId: string, commentId: string): Promise<CommentThread> {
  const answer = await request<ThreadAnswer>(`${threadPath(articleId, threadId)}/replies/${encodeURIComponent(commentId)}`, {
    method: 'DELETE',
  });
  return answer.thread;
}

/** Resolves (`resolved` true) or reopens a thread. */
export async function setThreadResolved(articleId: string, threadId: string, resolved: boolean): Promise<CommentThread> {
  const answer = await request<ThreadAnswer>(`${threadPath(articleId, threadId)}/${resolved ? 'resolve' : 'reopen'}`, {
    method: 'POST',
  });
  return answer.thread;
}

/** Sets whether non-editors must suggest while the story is in review, and its assigned length (editors only). */
export function setReviewSettings(articleId: string, body: ReviewSettingsBody): Promise<Article> {
  return request<Article>(`${storyPath(articleId)}/review`, { method: 'PUT', body: JSON.stringify(body) });
}
