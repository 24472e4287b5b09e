import type { Article, ArticleSummary, Presence } from '../../shared/api.ts';
import type { ArticleRecord } from '../storage/ArticleStore.ts';

/** A story row as one entry of GET /api/articles. */
export function presentArticleSummary(record: ArticleRecord, present: Presence[]): ArticleSummary {
  return {
    id: record.id,
    headline: record.headline,
    status: record.status,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    wordCount: record.wordCount,
    present,
  };
}

/** A story row as GET /api/articles/:id and POST /api/articles return it. */
export function presentArticle(record: ArticleRecord, present: Presence[]): Article {
  return {
    ...presentArticleSummary(record, present),
    byline: record.byline,
    slug: record.slug,
    section: record.section,
    tags: record.tags,
  };
}
