/** What made a range of changes no socket typed itself (or, for `accepted_suggestion`, who accepted words). */
export const CHANGE_KINDS = ['create', 'import', 'restore', 'block_restore', 'accepted_suggestion', 'comment', 'refused_undo', 'server'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The account a Yjs client id of a story wrote for. */
export interface Writer {
  clientId: number;
  username: string;
}

/**
 * A range of one Yjs client's changes, clocks `from` (inclusive) to `to` (exclusive), and what made
 * it: the server's own changes (an import by `by`, a restore by `by`), or words a writer suggested
 * that `by` accepted.
 */
export interface ChangeRange {
  clientId: number;
  from: number;
  to: number;
  kind: ChangeKind;
  /** The account that asked for it; null when nobody did (the server on its own). */
  by: string | null;
  /** A short free text: the version number restored, the suggestion id accepted. */
  detail: string | null;
}

/** What to record for one story. */
export interface Attribution {
  articleId: string;
  writers: readonly Writer[];
  ranges: readonly ChangeRange[];
}

/** Everything recorded for one story. */
export interface StoryAttribution {
  writers: Writer[];
  ranges: ChangeRange[];
}

/**
 * Who wrote what in each story, by Yjs item id: a client id maps to the account whose socket first
 * brought it, and ranges of clocks to what made them. Recording is idempotent (the first writer of a
 * client id stays its writer; a range recorded again changes nothing), so a retried commit is safe.
 */
export interface AuthorshipStore {
  /** Records every attribution in ONE transaction: all or nothing. */
  recordAll(attributions: readonly Attribution[]): Promise<void>;
  /** The story's writers (by client id) and ranges (by client id, then clock). */
  load(articleId: string): Promise<StoryAttribution>;
}
