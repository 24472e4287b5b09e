import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { withoutSuggestions } from '../../shared/editor/suggestions/withoutSuggestions.ts';
import { toHtml } from '../../shared/export/toHtml.ts';
import type { Version } from '../storage/VersionStore.ts';

/** A version's content as exports read it: pending suggestions rejected (comments are never in the document). */
export function versionArticle(version: Pick<Version, 'doc'>): ArticleJson {
  return { meta: version.doc.meta, doc: withoutSuggestions(version.doc.doc) };
}

/**
 * A version as a complete, read-only HTML page (the HTML export of its content), for
 * `GET /api/articles/:id/versions/:v` with `Accept: text/html`. Scripts cannot run in it (the
 * export's CSP). Throws a RangeError when the stored document no longer fits the schema.
 */
export function versionHtml(version: Pick<Version, 'doc'>, options: { fragment?: boolean } = {}): string {
  return toHtml(versionArticle(version), options);
}
