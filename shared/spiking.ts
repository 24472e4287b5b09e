import type { ArticleStatus } from './api.ts';
import { isEditorial, type Role } from './roles.ts';
import type { StoryRelation } from './workflow.ts';

/**
 * Whether `role` may spike a story in `status` (or restore it): editors and admins any story,
 * a reporter only a draft they created or are assigned to, a viewer never. Whether the story is
 * live on the site (it must be unpublished first) is the server's to check.
 */
export function canSpike(role: Role, status: ArticleStatus, relation: StoryRelation): boolean {
  if (isEditorial(role)) return true;
  return role === 'reporter' && relation.isOwner && status === 'draft';
}

/** Only admins delete a story for good, and only once it is spiked. */
export function canDeleteForGood(role: Role): boolean {
  return role === 'admin';
}
