import type { ArticleStatus } from '../../shared/api.ts';
import { STATUS_LABELS } from '../../shared/workflow.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { AutoVersioner } from './AutoVersioner.ts';
import type { CaptureResult } from './captureVersion.ts';

/** The name a transition version carries: "Draft → In review". */
export function transitionVersionName(from: ArticleStatus, to: ArticleStatus): string {
  return `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`;
}

/**
 * Keeps a `transition` version of the story as it is at a workflow transition, read from its live
 * document (opened from storage for the moment when nobody has it open), with the editors of the
 * current period. Call after the status change has been stored.
 */
export async function captureTransitionVersion(
  deps: { registry: Pick<DocumentRegistry, 'open' | 'release'>; versioner: AutoVersioner },
  input: { articleId: string; from: ArticleStatus; to: ArticleStatus; by: string },
): Promise<CaptureResult> {
  const live = await deps.registry.open(input.articleId);
  try {
    return await deps.versioner.capture({
      articleId: input.articleId,
      ydoc: live.ydoc,
      kind: 'transition',
      name: transitionVersionName(input.from, input.to),
      by: input.by,
    });
  } finally {
    deps.registry.release(input.articleId);
  }
}
