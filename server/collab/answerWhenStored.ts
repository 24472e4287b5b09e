import { ErrorId } from '../../shared/api.ts';
import { HttpError } from '../http/HttpError.ts';
import type { CollabDocument } from './CollabDocument.ts';

/** How long a REST change waits for its commit before it answers 503. */
export const STORE_WAIT_MS = 10_000;

/**
 * Waits until every change applied to the story so far is stored, so a REST route answers success
 * only for a stored change. When the database does not store it within `waitMs`, throws a 503
 * (`not_stored_yet`): the change stays queued and is stored (and only then seen by others) once the
 * database is writable again.
 */
export async function answerWhenStored(doc: Pick<CollabDocument, 'whenStored'>, waitMs = STORE_WAIT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const stored = await Promise.race([
    doc.whenStored().then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
  ]);
  clearTimeout(timer);
  if (!stored) {
    throw new HttpError(
      503,
      ErrorId.NotStoredYet,
      'The change was accepted but the database has not stored it yet. It is kept and will be stored when the database recovers; try again to confirm.',
    );
  }
}
