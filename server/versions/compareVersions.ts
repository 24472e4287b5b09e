import { diffArticles, type ArticleDiff } from '../../shared/review/diffArticles.ts';
import { diffToHtml } from '../../shared/review/diffToHtml.ts';
import type { Version } from '../storage/VersionStore.ts';
import { versionArticle } from './versionHtml.ts';

/** Two versions compared: which ones, the structured diff and its HTML. */
export interface VersionComparison {
  from: number;
  to: number;
  diff: ArticleDiff;
  /** `<div class="diff">` with `<ins>`/`<del>`, escaped. */
  html: string;
}

/**
 * What changed from version `a` to version `b` (text, figures, captions, links and meta), as
 * `diffArticles` sees it: `a` is the "before" side whatever the numbers, so comparing a newer
 * version with an older one shows the change back. Pending suggestions are left out of both sides,
 * as in exports. Throws a RangeError when a stored document no longer fits the schema.
 */
export function compareVersions(a: Pick<Version, 'number' | 'doc'>, b: Pick<Version, 'number' | 'doc'>): VersionComparison {
  const diff = diffArticles(versionArticle(a), versionArticle(b));
  return { from: a.number, to: b.number, diff, html: diffToHtml(diff) };
}
