import type { WebhookDelivery } from '../storage/PublicationStore.ts';
import type { PublishDeps } from './PublishDeps.ts';

export type UnpublishResult =
  | { ok: true; delivery: WebhookDelivery | null }
  | { ok: false; reason: 'not_live'; message: string };

/**
 * Takes the story off the public site (its pages answer 410 Gone) and queues an `unpublish`
 * webhook carrying its last ninjs with pubStatus `canceled`. Every publication is kept; the
 * workflow status is left as it is.
 */
export async function unpublishArticle(deps: PublishDeps, request: { articleId: string; by: string }): Promise<UnpublishResult> {
  const { articleId, by } = request;
  const latest = await deps.publications.latest(articleId);
  if (!latest || (await deps.publications.siteState(articleId))?.state !== 'live') {
    return { ok: false, reason: 'not_live', message: 'The story is not on the site.' };
  }
  const now = deps.clock.now().toISOString();
  const result = await deps.transaction(async () => {
    await deps.publications.setSiteState({ articleId, state: 'unpublished', changedAt: now, changedBy: by });
    const payload = JSON.stringify({ ...latest.ninjs, pubStatus: 'canceled', versionCreated: now });
    const delivery = deps.webhooks
      ? await deps.webhooks.enqueue({ articleId, publicationId: latest.id, event: 'unpublish', payload, createdAt: now })
      : null;
    return { ok: true as const, delivery };
  });
  if (result.delivery) deps.onDeliveryQueued?.();
  return result;
}
