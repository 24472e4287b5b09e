import { articlePage } from '../../shared/export/articlePage.ts';
import type { PublicationInfo, RelatedStory } from '../../shared/export/PublicationInfo.ts';
import { toNinjs } from '../../shared/export/toNinjs.ts';
import { summarize } from '../../shared/article/summarize.ts';
import { publishProblems, type PublishProblem } from '../../shared/publish/checkPublishable.ts';
import { rewriteStoryLinks } from '../../shared/publish/rewriteStoryLinks.ts';
import { parseStoryLink, type StoryRef } from '../../shared/publish/storyLink.ts';
import { PublicationExistsError, type Publication, type WebhookDelivery, type WebhookEvent } from '../storage/PublicationStore.ts';
import { linkedArticleId, linkedStories, visiblePublication } from './linkedStories.ts';
import { resolveStoryRefs } from './resolveStoryRefs.ts';
import type { PublishDeps } from './PublishDeps.ts';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { articleUri, desiredAddress, pageUrl, siteUrl } from './siteAddress.ts';

/** Longest public correction note, in characters. */
export const CORRECTION_MAX_LENGTH = 2000;

export interface PublishRequest {
  articleId: string;
  /** Username of the editor publishing (or who scheduled it). */
  by: string;
  /** Public correction note shown with a republication. */
  correction?: string | null;
}

export type PublishResult =
  | { ok: true; publication: Publication; event: WebhookEvent; delivery: WebhookDelivery | null }
  | { ok: false; reason: 'not_found' | 'not_approved' | 'spiked' | 'invalid' | 'published_meanwhile'; message: string }
  | { ok: false; reason: 'problems'; message: string; problems: PublishProblem[] };

/**
 * Publishes the story as it is now: checks it (`publishProblems`), then in one transaction freezes
 * publication n+1 (time, who, the exact page HTML and ninjs), claims its public address (unique
 * per section; the previous one stays as a redirect), puts it live, marks it published, and queues
 * the webhook delivery. Only an approved or already published story may be published.
 */
export async function publishArticle(deps: PublishDeps, request: PublishRequest): Promise<PublishResult> {
  const { articleId, by } = request;
  const story = await deps.loadStory(articleId);
  if (!story) return { ok: false, reason: 'not_found', message: 'There is no such story.' };
  // Checked again here for the scheduler: a spiked story never goes out (spiking cancels its schedule too).
  if ((story.record.spikedAt ?? null) !== null) return { ok: false, reason: 'spiked', message: 'The story is spiked: restore it before publishing it.' };
  if (story.record.status !== 'approved' && story.record.status !== 'published') {
    return { ok: false, reason: 'not_approved', message: 'Only an approved story can be published.' };
  }
  const correction = request.correction?.trim() || null;
  if (correction !== null && correction.length > CORRECTION_MAX_LENGTH) {
    return { ok: false, reason: 'invalid', message: `A correction note can be at most ${CORRECTION_MAX_LENGTH} characters.` };
  }
  const now = deps.clock.now().toISOString();
  const ownOrigins = [new URL(deps.site.baseUrl).origin];
  const linked = await linkedStories(deps, articleId, now, (ask) =>
    publishProblems(story.article, { storyStatus: (ref) => (ask(ref), 'published'), ownOrigins }),
  );
  const problems = publishProblems(story.article, {
    ...linked,
    ownOrigins,
    pendingSuggestions: (await deps.pendingSuggestions?.(articleId)) ?? 0,
  });
  if (problems.length > 0) {
    return { ok: false, reason: 'problems', message: problems.map((p) => p.message).join(' '), problems };
  }

  let result: Extract<PublishResult, { ok: true }>;
  try {
    result = await deps.transaction(() => freezePublication(deps, { articleId, by, correction, article: story.article }, now));
  } catch (error) {
    // Two servers froze the same version at once: the other one's stands, nothing of this one was kept.
    if (error instanceof PublicationExistsError) {
      return { ok: false, reason: 'published_meanwhile', message: 'Someone published this story at the same moment. Reload to see what went out.' };
    }
    throw error;
  }
  if (result.delivery) deps.onDeliveryQueued?.();
  return result;
}

/**
 * The writing half of `publishArticle`, without checks: call inside `deps.transaction`.
 * Freezes publication n+1 of `article`, claims the address, puts it live, sets the status,
 * finishes a pending schedule and queues the webhook. `previewPublication` runs it and rolls back.
 */
export async function freezePublication(
  deps: PublishDeps,
  input: { articleId: string; by: string; correction: string | null; article: ArticleJson },
  now: string,
): Promise<{ ok: true; publication: Publication; event: WebhookEvent; delivery: WebhookDelivery | null }> {
  const { articleId, by, correction } = input;
  const story = { article: input.article };
  const ownOrigins = [new URL(deps.site.baseUrl).origin];
  const summary = summarize(story.article);
  const schedule = await deps.schedule.get(articleId);
  const embargoUntil = schedule?.embargoUntil && schedule.embargoUntil > now ? schedule.embargoUntil : null;

  const previous = await deps.publications.latest(articleId);
  const wasLive = (await deps.publications.siteState(articleId))?.state === 'live';
  const wanted = desiredAddress(story.article.meta, summary.headline, articleId);
  const address = await deps.slugs.claim(articleId, wanted.section, wanted.slug, now);
  const url = pageUrl(deps.site, address.section, address.slug);

  const related: RelatedStory[] = [];
  const linkedRefs = (ask: (ref: StoryRef) => void): void => {
    rewriteStoryLinks(story.article, (ref) => (ask(ref), null), ownOrigins);
    for (const block of story.article.doc.content ?? []) {
      const ref = block.type === 'relatedLink' ? parseStoryLink(String(block.attrs?.href ?? ''), ownOrigins) : null;
      if (ref) ask(ref);
    }
  };
  const linked = await resolveStoryRefs(linkedRefs, async (ref) => {
    const target = await linkedArticleId(deps, ref);
    const live = target === null || target === articleId ? null : await visiblePublication(deps, target, now);
    return { target, live };
  });
  const publicUrl = (ref: StoryRef): string | null => {
    const { target, live } = linked(ref);
    if (target === articleId) return url;
    if (!live || target === null) return null;
    const href = pageUrl(deps.site, live.section, live.slug);
    if (!related.some((story) => story.url === href)) related.push({ uri: articleUri(deps.site, target), url: href, headline: live.headline });
    return href;
  };
  const article = rewriteStoryLinks(story.article, publicUrl, ownOrigins);
  // READ MORE blocks are already links in the body; the related list repeats none of them.
  const readMore = new Set(
    (story.article.doc.content ?? [])
      .filter((block) => block.type === 'relatedLink' && parseStoryLink(String(block.attrs?.href ?? ''), ownOrigins))
      .map((block) => publicUrl(parseStoryLink(String(block.attrs!.href), ownOrigins)!)),
  );

  const version = (previous?.version ?? 0) + 1;
  const firstPublishedAt = previous?.firstPublishedAt ?? now;
  const info: PublicationInfo = {
    uri: articleUri(deps.site, articleId),
    url,
    firstCreated: firstPublishedAt,
    versionCreated: now,
    pubStatus: 'usable',
    ...(embargoUntil ? { embargoedUntil: embargoUntil } : {}),
    version,
    relatedStories: related,
    ...(correction ? { correction } : {}),
    siteName: deps.site.siteName,
    siteUrl: siteUrl(deps.site, '/site/'),
    ...(deps.site.language ? { language: deps.site.language } : {}),
  };
  const ninjs = toNinjs(article, info);
  const html = articlePage(article, { ...info, relatedStories: related.filter((story) => !readMore.has(story.url ?? null)) });
  const publication = await deps.publications.insert({
    articleId,
    version,
    publishedAt: now,
    publishedBy: by,
    section: address.section,
    slug: address.slug,
    headline: summary.headline,
    standfirst: summary.standfirst,
    byline: story.article.meta.byline,
    tags: story.article.meta.tags,
    firstPublishedAt,
    embargoUntil,
    correction,
    html,
    ninjs,
  });
  await deps.publications.setSiteState({ articleId, state: 'live', changedAt: now, changedBy: by });
  await deps.setStatus(articleId, 'published', now);
  if (schedule?.publishAt) await deps.schedule.finish(articleId, null, now);
  const event: WebhookEvent = wasLive ? 'update' : 'publish';
  const delivery = deps.webhooks
    ? await deps.webhooks.enqueue({ articleId, publicationId: publication.id, event, payload: JSON.stringify(ninjs), createdAt: now })
    : null;
  return { ok: true as const, publication, event, delivery };
}
