import type { Article } from '../../../shared/api.ts';
import type { Role } from '../../../shared/roles.ts';
import { isEditorial } from '../../../shared/roles.ts';

/** The review fields of a story (older servers may not send them). */
export interface ReviewFields {
  requireSuggestions: boolean;
  assignedWords: number | null;
}

/** A story's review settings, with defaults for a story that has none. */
export function reviewFieldsOf(article: Article): ReviewFields {
  const fields = article as Article & Partial<ReviewFields>;
  return { requireSuggestions: fields.requireSuggestions === true, assignedWords: fields.assignedWords ?? null };
}

/** Whether suggesting is forced on for `role` in this story: required in review, for everyone but editors. */
export function suggestingRequired(article: Article, role: Role): boolean {
  return reviewFieldsOf(article).requireSuggestions && article.status === 'in_review' && !isEditorial(role);
}
