import type { ArticleSort } from '../../shared/search/articleSorts.ts';
import { searchTerms } from '../../shared/search/foldText.ts';
import type { SearchMatch } from '../../shared/search/SearchMatch.ts';
import type { ArticleRecord } from '../storage/ArticleStore.ts';
import type { SearchIndex } from '../storage/SearchIndex.ts';
import { snippetOf } from './snippetOf.ts';
import { sortArticles } from './sortArticles.ts';

/** Most search hits a query considers before filtering and paging. */
export const SEARCH_HITS_MAX = 1000;

/** What a story list asks for besides its filters. */
export interface StoryPageRequest {
  /** Search words; blank or absent: no search. */
  q?: string | undefined;
  /** Default: `relevance` with words, `updated` without. */
  sort?: ArticleSort | undefined;
  limit: number;
  offset: number;
}

/** One page of a story list, and where each of its stories matched the search. */
export interface StoryPage {
  records: ArticleRecord[];
  total: number;
  nextOffset: number | null;
  matches: Map<string, SearchMatch>;
}

/**
 * The page of `records` (already filtered, newest change first) that `request` asks for: only the
 * stories the search index finds for `q`, in `sort` order, cut at `offset` and `limit`, with a
 * snippet for each story of the page.
 */
export async function pageOfStories(searchIndex: SearchIndex, records: readonly ArticleRecord[], request: StoryPageRequest): Promise<StoryPage> {
  const searching = request.q !== undefined && request.q.trim() !== '';
  const terms = searching ? searchTerms(request.q!) : [];
  let ranked: string[] = [];
  let matching = records;
  if (searching) {
    ranked = terms.length === 0 ? [] : await searchIndex.search(request.q!, SEARCH_HITS_MAX);
    const hits = new Set(ranked);
    matching = records.filter((record) => hits.has(record.id));
  }
  const sort = request.sort ?? (searching ? 'relevance' : 'updated');
  const sorted = sortArticles(matching, sort === 'relevance' && !searching ? 'updated' : sort, ranked);
  const page = sorted.slice(request.offset, request.offset + request.limit);
  const matches = new Map<string, SearchMatch>();
  if (searching && page.length > 0) {
    const documents = await searchIndex.documents(page.map((record) => record.id));
    for (const [id, document] of documents) {
      const match = snippetOf(document, terms);
      if (match) matches.set(id, match);
    }
  }
  const next = request.offset + request.limit;
  return { records: page, total: sorted.length, nextOffset: next < sorted.length ? next : null, matches };
}
