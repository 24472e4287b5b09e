import { z } from 'zod';
import { COMMENT_MAX_LENGTH } from './commentThreads.ts';

/** Body of POST /api/articles/:id/comments: ProseMirror positions of the story as the client sees it. */
export const NewThreadBody = z.object({
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  body: z.string().max(COMMENT_MAX_LENGTH * 2),
});
export type NewThreadBody = z.infer<typeof NewThreadBody>;

/** Body of POST …/comments/:threadId/replies and PATCH …/replies/:commentId. */
export const CommentBody = z.object({ body: z.string().max(COMMENT_MAX_LENGTH * 2) });
export type CommentBody = z.infer<typeof CommentBody>;

/** Longest assigned length a story may have, in words. */
export const ASSIGNED_WORDS_MAX = 100_000;

/** Body of PUT /api/articles/:id/review (editors and admins); an absent field stays as it is. */
export const ReviewSettingsBody = z
  .object({
    requireSuggestions: z.boolean().optional(),
    assignedWords: z.number().int().min(1).max(ASSIGNED_WORDS_MAX).nullable().optional(),
  })
  .strict();
export type ReviewSettingsBody = z.infer<typeof ReviewSettingsBody>;
