/**
 * Orders of GET /api/articles (`sort=`): `updated` newest change first (the default), `headline`
 * A to Z, `status` by workflow step (draft first), `relevance` best search hit first (the default with `q`).
 */
export const ARTICLE_SORTS = ['updated', 'headline', 'status', 'relevance'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

/** Stories in one answer of GET /api/articles unless `limit` says otherwise, and the most it allows. */
export const ARTICLE_PAGE_SIZE = 50;
export const ARTICLE_PAGE_MAX = 200;
