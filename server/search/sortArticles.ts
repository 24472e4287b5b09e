import type { ArticleSort } from '../../shared/search/articleSorts.ts';
import { STATUSES } from '../../shared/workflow.ts';
import type { ArticleRecord } from '../storage/ArticleStore.ts';

// Made on the first sort by headline: building a collator maps ICU's collation data into the
// process (about 3 MiB resident), which a server whose desk never sorts by headline does without.
let collator: Intl.Collator | null = null;
const headlineOrder = (a: string, b: string): number =>
  (collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true })).compare(a, b);

/**
 * `records` (newest change first, as the store lists them) in the order `sort` asks for; ties keep
 * that order. `relevance` keeps `ranked`'s order (the search index's best first). Pure: a new array.
 */
export function sortArticles(records: readonly ArticleRecord[], sort: ArticleSort, ranked: readonly string[] = []): ArticleRecord[] {
  const sorted = [...records];
  switch (sort) {
    case 'updated':
      return sorted;
    case 'headline':
      // An untitled story goes last, not first.
      return sorted.sort((a, b) => Number(a.headline === '') - Number(b.headline === '') || headlineOrder(a.headline, b.headline));
    case 'status':
      return sorted.sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status));
    case 'relevance': {
      const rank = new Map(ranked.map((id, index) => [id, index]));
      const at = (record: ArticleRecord) => rank.get(record.id) ?? Number.MAX_SAFE_INTEGER;
      return sorted.sort((a, b) => at(a) - at(b));
    }
  }
}
