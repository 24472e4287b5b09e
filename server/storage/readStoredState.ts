import type { DocStore } from './DocStore.ts';

/**
 * A one-off read of a story's stored state (an export, the authorship view, indexing, catching up):
 * loads it and releases the load at once, so the store keeps nothing for it.
 */
export async function readStoredState(docStore: Pick<DocStore, 'load' | 'release'>, articleId: string): Promise<Uint8Array | null> {
  try {
    return (await docStore.load(articleId)).state;
  } finally {
    docStore.release?.(articleId);
  }
}
