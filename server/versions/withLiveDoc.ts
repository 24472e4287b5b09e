import type * as Y from 'yjs';
import { ErrorId } from '../../shared/api.ts';
import { answerWhenStored } from '../collab/answerWhenStored.ts';
import type { CollabDocument } from '../collab/CollabDocument.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import { StoryBusyError, StoryLockUnavailableError, type StoryLock } from '../collab/StoryLock.ts';
import { HttpError } from '../http/HttpError.ts';

type Registry = Pick<DocumentRegistry, 'open' | 'release'>;

/**
 * Runs `fn` with the story's LIVE document (opened for the call when nobody has it open), holding it
 * open meanwhile, and answers once what `fn` changed is stored (committed before it is relayed).
 */
export async function withLiveDoc<T>(registry: Registry, articleId: string, fn: (ydoc: Y.Doc) => T | Promise<T>): Promise<T> {
  return openedFor(registry, articleId, (live) => fn(live.ydoc));
}

/**
 * Like withLiveDoc, for a change planned on what the story holds (a restore): with several servers
 * (`lock` set) it runs under the story's lock, after reading what the other servers stored, and lets
 * go once the change is stored, so two servers never plan the same change on two copies and insert
 * it twice. Another server's change still running after the lock's wait answers 409 `story_busy`,
 * a lock that cannot be asked for 503 `story_lock_unavailable`; the story is unchanged then.
 */
export async function changeLiveDoc<T>(
  registry: Registry,
  lock: StoryLock | null,
  articleId: string,
  fn: (ydoc: Y.Doc) => T | Promise<T>,
): Promise<T> {
  if (!lock) return withLiveDoc(registry, articleId, fn);
  try {
    return await lock.hold(articleId, () =>
      openedFor(registry, articleId, async (live) => {
        // The change another server made under this lock a moment ago may not have come through Redis yet.
        await live.catchUp();
        return fn(live.ydoc);
      }),
    );
  } catch (error) {
    if (error instanceof StoryBusyError) {
      throw new HttpError(409, ErrorId.StoryBusy, 'Someone on another server is restoring part of this story right now. Try again in a moment.');
    }
    if (error instanceof StoryLockUnavailableError) {
      throw new HttpError(503, ErrorId.StoryLockUnavailable, 'The servers cannot agree who changes this story now (Redis does not answer). Nothing was changed; try again.');
    }
    throw error;
  }
}

async function openedFor<T>(registry: Registry, articleId: string, fn: (live: CollabDocument) => T | Promise<T>): Promise<T> {
  const live = await registry.open(articleId);
  try {
    const result = await fn(live);
    await answerWhenStored(live);
    return result;
  } finally {
    registry.release(articleId);
  }
}
