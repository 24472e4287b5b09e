import type { ArticleJson } from '../article/ArticleJson.ts';
import { exportedArticleNode } from '../article/exportedArticleNode.ts';
import { normalizeMeta } from '../article/normalizeMeta.ts';

/**
 * The JSON export: `{ meta, doc }` with the document validated against the article schema and
 * written back in canonical form (every attribute present). Throws a RangeError on a malformed document.
 */
export function toJson(article: ArticleJson): ArticleJson {
  const node = exportedArticleNode(article?.doc);
  return { meta: normalizeMeta(article.meta), doc: node.toJSON() };
}
