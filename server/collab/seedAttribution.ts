import * as Y from 'yjs';
import type { Attribution, ChangeKind } from '../storage/AuthorshipStore.ts';

/**
 * What wrote a story's first state (`createArticle`'s headline, an import): every client range the
 * state holds, attributed to `kind` by `by`. The state is made by a throwaway Y.Doc, so nobody else
 * ever writes with its client id.
 */
export function seedAttribution(articleId: string, state: Uint8Array, kind: ChangeKind, by: string | null): Attribution {
  const { from, to } = Y.parseUpdateMeta(state);
  const ranges = [];
  for (const [clientId, end] of to) {
    const start = from.get(clientId) ?? 0;
    if (end > start) ranges.push({ clientId, from: start, to: end, kind, by, detail: null });
  }
  return { articleId, writers: [], ranges };
}
