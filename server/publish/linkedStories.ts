import type { LinkedStoryState } from '../../shared/publish/checkPublishable.ts';
import type { StoryRef } from '../../shared/publish/storyLink.ts';
import type { Publication } from '../storage/PublicationStore.ts';
import type { PublishDeps } from './PublishDeps.ts';
import { resolveStoryRefs } from './resolveStoryRefs.ts';

/** The story a link points to, if it exists. */
export async function linkedArticleId(deps: Pick<PublishDeps, 'slugs'>, ref: StoryRef): Promise<string | null> {
  return ref.kind === 'id' ? ref.id : ((await deps.slugs.resolve(ref.section, ref.slug))?.articleId ?? null);
}

/** The publication a reader sees for the story right now: live, latest, embargo lifted; else null. */
export async function visiblePublication(
  deps: Pick<PublishDeps, 'publications'>,
  articleId: string,
  now: string,
): Promise<Publication | null> {
  if ((await deps.publications.siteState(articleId))?.state !== 'live') return null;
  const latest = await deps.publications.latest(articleId);
  if (!latest || (latest.embargoUntil !== null && latest.embargoUntil > now)) return null;
  return latest;
}

/** Whether a READ MORE target is on the public site now (what `publishProblems` asks). */
export async function linkedStoryState(
  deps: Pick<PublishDeps, 'slugs' | 'publications' | 'loadStory'>,
  ref: StoryRef,
  now: string,
): Promise<LinkedStoryState> {
  const articleId = await linkedArticleId(deps, ref);
  if (articleId === null) return 'missing';
  if (await visiblePublication(deps, articleId, now)) return 'published';
  return (await deps.publications.latest(articleId)) || (await deps.loadStory(articleId)) ? 'unpublished' : 'missing';
}

/** What `publishProblems` asks of the stories a story links to, read beforehand. */
export interface LinkedStories {
  storyStatus(ref: StoryRef): LinkedStoryState;
  storyHeadline(ref: StoryRef): string | null;
}

/**
 * The `storyStatus` and `storyHeadline` of `publishProblems` for `articleId`'s links, read
 * beforehand: a link to the story itself counts as published (it is being published), every other
 * as `linkedStoryState`; a story is named by its headline when it has one.
 */
export async function linkedStories(
  deps: Pick<PublishDeps, 'slugs' | 'publications' | 'loadStory' | 'headlineOf'>,
  articleId: string,
  now: string,
  asks: (ask: (ref: StoryRef) => void) => void,
): Promise<LinkedStories> {
  const answer = await resolveStoryRefs(asks, async (ref) => {
    const target = await linkedArticleId(deps, ref);
    const state = target === articleId ? 'published' : await linkedStoryState(deps, ref, now);
    const headline = target !== null && state !== 'missing' ? ((await deps.headlineOf?.(target)) ?? null) : null;
    return { state, headline };
  });
  return { storyStatus: (ref) => answer(ref).state, storyHeadline: (ref) => answer(ref).headline };
}
