import { ErrorId } from '../../shared/api.ts';
import type { Role } from '../../shared/roles.ts';
import { canSpike } from '../../shared/spiking.ts';
import { isStoryOwner } from '../../shared/workflow.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import type { AccessNoticeBus } from '../auth/AccessNotice.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { StorySockets } from '../collab/StorySockets.ts';
import { HttpError } from '../http/HttpError.ts';
import type { Publishing } from '../publish/openPublishing.ts';
import type { ArticleRecord, ArticleStore } from '../storage/ArticleStore.ts';
import { reviewStoryAccess } from './reviewStoryAccess.ts';

/** What spiking and restoring a story need. */
export interface SpikeDeps {
  articleStore: ArticleStore;
  accounts: Pick<Accounts, 'members' | 'audit' | 'transact'>;
  registry: Pick<DocumentRegistry, 'refreshRules'>;
  storySockets: StorySockets;
  notices?: AccessNoticeBus | null;
  publishing: Pick<Publishing, 'deps' | 'scheduler' | 'clock'>;
}

/** Who acts. */
export interface SpikeActor {
  username: string;
  role: Role;
}

/** The story, or 404; 403 unless `actor` may spike (and restore) it. */
export async function spikeableStory(deps: SpikeDeps, articleId: string, actor: SpikeActor): Promise<ArticleRecord> {
  const record = await deps.articleStore.get(articleId);
  if (!record) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(articleId)}.`);
  const people = await deps.accounts.members.get(articleId);
  if (!canSpike(actor.role, record.status, { isOwner: isStoryOwner(actor.username, people) })) {
    throw new HttpError(
      403,
      ErrorId.Forbidden,
      actor.role === 'reporter' ? 'A reporter may spike or restore only a draft of their own.' : `A ${actor.role} cannot spike or restore a story.`,
    );
  }
  return record;
}

/** After a spike or a restore: open documents read the rule again here and on the other servers, and sockets reconnect with their new access. */
export async function spreadSpike(deps: SpikeDeps, articleId: string): Promise<void> {
  await deps.registry.refreshRules(articleId);
  await reviewStoryAccess(deps, articleId);
}

/**
 * Spikes a story: it leaves the list (GET /api/articles?spiked=1 shows it), it is read-only for
 * everyone until restored, and a scheduled publication is cancelled. A story on the public site is
 * refused (409 `story_live`): unpublish it first. The spike and its audit entry land together.
 */
export async function spikeStory(deps: SpikeDeps, articleId: string, actor: SpikeActor): Promise<ArticleRecord> {
  const record = await spikeableStory(deps, articleId, actor);
  if ((record.spikedAt ?? null) !== null) throw new HttpError(409, ErrorId.StorySpiked, 'The story is spiked already.');
  const { publications, schedule } = deps.publishing.deps;
  const live = (await publications.siteState(articleId))?.state === 'live';
  if (live || record.status === 'published') {
    throw new HttpError(409, ErrorId.StoryLive, 'The story is on the public site: unpublish it first, then spike it.');
  }
  const planned = await schedule.get(articleId);
  const at = deps.publishing.clock.now().toISOString();
  const spiked = await deps.accounts.transact(async () => {
    if (!(await deps.articleStore.setSpiked(articleId, { at, by: actor.username }))) return false;
    // A scheduled publication of a spiked story must not fire: it is cancelled, the embargo kept.
    if (planned?.publishAt) await schedule.set({ articleId, publishAt: null, embargoUntil: planned.embargoUntil, setBy: actor.username, updatedAt: at });
    await deps.accounts.audit.append({
      articleId,
      actor: actor.username,
      action: 'spike',
      note: planned?.publishAt ? `Cancelled the publication scheduled for ${planned.publishAt}` : null,
      at,
    });
    return true;
  });
  if (!spiked) throw new HttpError(404, ErrorId.ArticleNotFound, `No story has the id ${JSON.stringify(articleId)}.`);
  if (planned?.publishAt) deps.publishing.scheduler.reschedule();
  await spreadSpike(deps, articleId);
  return (await deps.articleStore.get(articleId)) ?? record;
}
