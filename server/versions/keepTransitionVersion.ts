import type { ArticleStatus } from '../../shared/api.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import type { Logger } from '../log.ts';
import type { AutoVersioner } from './AutoVersioner.ts';
import { captureTransitionVersion } from './captureTransitionVersion.ts';

/**
 * Keeps a `transition` version after a workflow transition that is already stored. Never throws:
 * a version that could not be kept must not undo or fail the transition, so the failure is logged.
 */
export async function keepTransitionVersion(
  deps: { registry: Pick<DocumentRegistry, 'open' | 'release'>; versioner: AutoVersioner; log: Logger },
  input: { articleId: string; from: ArticleStatus; to: ArticleStatus; by: string },
): Promise<void> {
  try {
    await captureTransitionVersion(deps, input);
  } catch (error) {
    deps.log.error('keeping a transition version failed', { articleId: input.articleId, error: error instanceof Error ? error.message : String(error) });
  }
}
