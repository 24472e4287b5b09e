/** The parts of a story search looks in, in the order a snippet prefers them. */
export const SEARCH_FIELDS = ['body', 'standfirst', 'captions', 'headline', 'byline', 'section', 'tags', 'slug'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A stretch of a snippet; `marked` when it is one of the matched words. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** Where a search hit matched, as structured text: the client renders the parts, never HTML. */
export interface SearchMatch {
  field: SearchField;
  parts: SnippetPart[];
}
