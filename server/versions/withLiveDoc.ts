import type * as Y from 'yjs';
import { answerWhenStored } from '../collab/answerWhenStored.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';

/**
 * Runs `fn` with the story's LIVE document (opened for the call when nobody has it open), holding it
 * open meanwhile, and answers once what `fn` changed is stored (committed before it is relayed).
 */
export async function withLiveDoc<T>(
  registry: Pick<DocumentRegistry, 'open' | 'release'>,
  articleId: string,
  fn: (ydoc: Y.Doc) => T | Promise<T>,
): Promise<T> {
  const live = await registry.open(articleId);
  try {
    const result = await fn(live.ydoc);
    await answerWhenStored(live);
    return result;
  } finally {
    registry.release(articleId);
  }
}
