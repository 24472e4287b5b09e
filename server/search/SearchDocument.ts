import type { SearchField } from '../../shared/search/SearchMatch.ts';

/** The text of a story that search looks in, one plain string per part (tags as a list). */
export type SearchDocument = Record<Exclude<SearchField, 'tags'>, string> & { tags: string[] };
