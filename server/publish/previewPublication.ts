import type { PublicationPreview } from '../../shared/publishing.ts';
import { publishProblems } from '../../shared/publish/checkPublishable.ts';
import { publishWarnings } from '../../shared/publish/publishWarnings.ts';
import { linkedStories } from './linkedStories.ts';
import type { PublishDeps } from './PublishDeps.ts';
import { freezePublication } from './publishArticle.ts';

export type PreviewResult = ({ ok: true } & PublicationPreview) | { ok: false; reason: 'not_found'; message: string };

class Rollback extends Error {
  constructor(readonly value: Extract<PreviewResult, { ok: true }>) {
    super('preview rollback');
  }
}

/**
 * The exact page and ninjs that publishing now would freeze, with the problems that would stop it
 * and the warnings that would not (no section, nobody in the byline), for any status. It runs the real publication inside a transaction and rolls it back, so the
 * preview cannot drift from what goes out. Nothing is stored and no webhook is queued.
 */
export async function previewPublication(
  deps: PublishDeps,
  request: { articleId: string; by: string; correction?: string | null },
): Promise<PreviewResult> {
  const story = await deps.loadStory(request.articleId);
  if (!story) return { ok: false, reason: 'not_found', message: 'There is no such story.' };
  const now = deps.clock.now().toISOString();
  const ownOrigins = [new URL(deps.site.baseUrl).origin];
  const linked = await linkedStories(deps, request.articleId, now, (ask) =>
    publishProblems(story.article, { storyStatus: (ref) => (ask(ref), 'published'), ownOrigins }),
  );
  const problems = publishProblems(story.article, {
    ...linked,
    ownOrigins,
    pendingSuggestions: (await deps.pendingSuggestions?.(request.articleId)) ?? 0,
  });
  const warnings = publishWarnings(story.article.meta);
  if (problems.some((p) => p.id === 'invalid_document')) {
    return { ok: true, html: '', ninjs: null, version: 0, url: { section: '', slug: '' }, problems, warnings };
  }
  try {
    await deps.transaction(async () => {
      const { publication } = await freezePublication(
        deps,
        { articleId: request.articleId, by: request.by, correction: request.correction?.trim() || null, article: story.article },
        now,
      );
      throw new Rollback({
        ok: true,
        html: publication.html,
        ninjs: publication.ninjs,
        version: publication.version,
        url: { section: publication.section, slug: publication.slug },
        problems,
        warnings,
      });
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value;
    throw error;
  }
  throw new Error('unreachable: the preview transaction always rolls back');
}
