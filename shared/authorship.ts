/**
 * GET /api/articles/:id/authorship: the story's blocks as spans of text, each naming who wrote it.
 * Used by the server's presenter and the editor's "Authorship" view.
 */

/** What put the words there: a person typing, or the server on someone's behalf. */
export type AuthorKind =
  | 'writer'
  | 'accepted_suggestion'
  | 'create'
  | 'import'
  | 'restore'
  | 'block_restore'
  | 'refused_undo'
  | 'comment'
  | 'server'
  | 'unknown';

/** A person, as the authorship view names them. */
export interface AuthorshipPerson {
  username: string;
  name: string;
}

/** One author of a story's words. */
export interface StoryAuthor {
  /** Names the author within one response (spans refer to it). */
  id: string;
  kind: AuthorKind;
  /** Who typed the words (a writer, or the suggester of accepted words); null for server-made words. */
  writer: AuthorshipPerson | null;
  /** Who asked for server-made words (an import, a restore) or accepted a suggestion; null otherwise. */
  by: AuthorshipPerson | null;
  /** What the legend and the hover say: "Rita Porter", "Suggested by Rita Porter, accepted by Ed Itor". */
  label: string;
  /** The writer's cursor colour; a grey for server-made words. */
  color: string;
}

/** A run of text with one author. */
export interface AuthorshipSpan {
  text: string;
  author: string;
}

/** A top-level block of the story (headline, standfirst, paragraph, figure...), its text in document order. */
export interface AuthorshipBlock {
  type: string;
  spans: AuthorshipSpan[];
}

export interface StoryAuthorship {
  articleId: string;
  /** Every author some span names, in order of first appearance. */
  authors: StoryAuthor[];
  blocks: AuthorshipBlock[];
}
