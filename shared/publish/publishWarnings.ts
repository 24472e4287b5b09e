import type { ArticleMeta } from '../collab/docFields.ts';
import { authorsOf } from '../article/byline.ts';

/** What the desk usually wants before publishing but does not require. Stable ids. */
export type PublishWarningId = 'section_missing' | 'byline_missing';

/** A reason to look again before publishing; unlike a PublishProblem it does not stop it. */
export interface PublishWarning {
  id: PublishWarningId;
  message: string;
}

/**
 * The warnings the publish preview shows: a story without a section goes to the default section's
 * address and no section page lists it; a story whose byline names nobody goes out unsigned.
 */
export function publishWarnings(meta: Pick<ArticleMeta, 'byline' | 'section' | 'authors'>): PublishWarning[] {
  const warnings: PublishWarning[] = [];
  if (meta.section.trim() === '') warnings.push({ id: 'section_missing', message: 'The story has no section.' });
  if (authorsOf(meta).length === 0) warnings.push({ id: 'byline_missing', message: 'The byline names nobody.' });
  return warnings;
}
