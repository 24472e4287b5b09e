import type { SearchMatch } from '../../../shared/search/SearchMatch.ts';

const FIELD_LABELS: Record<SearchMatch['field'], string> = {
  body: 'Body',
  standfirst: 'Standfirst',
  captions: 'Caption',
  headline: 'Headline',
  byline: 'Byline',
  section: 'Section',
  tags: 'Tags',
  slug: 'Slug',
};

/** Where a story matched the search: the server's text parts, matched words in <mark>, all as text (never HTML). */
export function SearchSnippet({ match }: { match: SearchMatch }) {
  return (
    <p className="story-snippet" data-field={match.field}>
      <span className="story-snippet-field">{FIELD_LABELS[match.field]}: </span>
      {match.parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </p>
  );
}
