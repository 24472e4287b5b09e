import { ErrorId } from '../../shared/api.ts';
import { HttpError } from '../http/HttpError.ts';
import type { ArticleRecord } from '../storage/ArticleStore.ts';
import { spikeableStory, spreadSpike, type SpikeActor, type SpikeDeps } from './spikeStory.ts';

/**
 * Puts a spiked story back on the list, writable as its status says; the same people who may
 * spike it may restore it. 409 `story_not_spiked` when it is not spiked.
 */
export async function restoreStory(deps: SpikeDeps, articleId: string, actor: SpikeActor): Promise<ArticleRecord> {
  const record = await spikeableStory(deps, articleId, actor);
  if ((record.spikedAt ?? null) === null) throw new HttpError(409, ErrorId.StoryNotSpiked, 'The story is not spiked.');
  const at = deps.publishing.clock.now().toISOString();
  await deps.accounts.transact(async () => {
    await deps.articleStore.setSpiked(articleId, null);
    await deps.accounts.audit.append({ articleId, actor: actor.username, action: 'unspike', at });
  });
  await spreadSpike(deps, articleId);
  return (await deps.articleStore.get(articleId)) ?? record;
}
