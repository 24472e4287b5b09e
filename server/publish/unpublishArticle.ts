import type { ArticleStatus } from '../../shared/api.ts';
import type { WebhookDelivery } from '../storage/PublicationStore.ts';
import type { PublishDeps } from './PublishDeps.ts';

export type UnpublishResult =
  | { ok: true; delivery: WebhookDelivery | null }
  | { ok: false; reason: 'not_live'; message: string };

/**
 * Takes the story off the public site (its pages answer 410 Gone) and queues an `unpublish`
 * webhook carrying its last ninjs with pubStatus `canceled`. Every publication is kept. The status
 * tells what is live: a `published` story (`request.status`) goes back to `approved`, ready to
 * publish again; a story reopened meanwhile keeps its status.
 */
export async function unpublishArticle(
  deps: PublishDeps,
  request: { articleId: string; by: string; status?: ArticleStatus },
): Promise<UnpublishResult> {
  const { articleId, by } = request;
  const latest = await deps.publications.latest(articleId);
  if (!latest || (await deps.publications.siteState(articleId))?.state !== 'live') {
    return { ok: false, reason: 'not_live', message: 'The story is not on the site.' };
  }
  const now = deps.clock.now().toISOString();
  const result = await deps.transaction(async () => {
    await deps.publications.setSiteState({ articleId, state: 'unpublished', changedAt: now, changedBy: by });
    if (request.status === 'published') await deps.setStatus(articleId, 'approved', now);
    const payload = JSON.stringify({ ...latest.ninjs, pubStatus: 'canceled', versionCreated: now });
    const delivery = deps.webhooks
      ? await deps.webhooks.enqueue({ articleId, publicationId: latest.id, event: 'unpublish', payload, createdAt: now })
      : null;
    return { ok: true as const, delivery };
  });
  if (result.delivery) deps.onDeliveryQueued?.();
  return result;
}
