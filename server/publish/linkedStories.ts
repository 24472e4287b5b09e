import type { LinkedStoryState } from '../../shared/publish/checkPublishable.ts';
import type { StoryRef } from '../../shared/publish/storyLink.ts';
import type { Publication } from '../storage/PublicationStore.ts';
import type { PublishDeps } from './PublishDeps.ts';

/** The story a link points to, if it exists. */
export function linkedArticleId(deps: Pick<PublishDeps, 'slugs'>, ref: StoryRef): string | null {
  return ref.kind === 'id' ? ref.id : (deps.slugs.resolve(ref.section, ref.slug)?.articleId ?? null);
}

/** The publication a reader sees for the story right now: live, latest, embargo lifted; else null. */
export function visiblePublication(deps: Pick<PublishDeps, 'publications'>, articleId: string, now: string): Publication | null {
  if (deps.publications.siteState(articleId)?.state !== 'live') return null;
  const latest = deps.publications.latest(articleId);
  if (!latest || (latest.embargoUntil !== null && latest.embargoUntil > now)) return null;
  return latest;
}

/** Whether a READ MORE target is on the public site now (what `publishProblems` asks). */
export function linkedStoryState(deps: Pick<PublishDeps, 'slugs' | 'publications' | 'loadStory'>, ref: StoryRef, now: string): LinkedStoryState {
  const articleId = linkedArticleId(deps, ref);
  if (articleId === null) return 'missing';
  if (visiblePublication(deps, articleId, now)) return 'published';
  return deps.publications.latest(articleId) || deps.loadStory(articleId) ? 'unpublished' : 'missing';
}
