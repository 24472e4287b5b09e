import type { ArticleJson } from '../../shared/article/ArticleJson.ts';

/**
 * Why a version was kept: a workflow `transition`, an `auto` version after a period of editing,
 * a `named` version a user saved, or the state just before a `restore` replaced it.
 */
export type VersionKind = 'transition' | 'auto' | 'named' | 'restore';

export const VERSION_KINDS: readonly VersionKind[] = ['transition', 'auto', 'named', 'restore'];

/** A version without its Yjs state and document: what the history list shows. */
export interface VersionSummary {
  id: number;
  articleId: string;
  /** 1 for the story's first version, n+1 for each later one. */
  number: number;
  kind: VersionKind;
  /** The user's name for a named version, or what happened ("Submitted for review"); null otherwise. */
  name: string | null;
  createdAt: string;
  /** Username of whoever caused it; null for versions the server takes on its own (auto). */
  createdBy: string | null;
  /** Usernames of everyone who edited the story since the previous version, in order of first edit. */
  editors: string[];
  wordCount: number;
}

/** A version in full: the Yjs state of the story at that moment and its plain JSON. */
export interface Version extends VersionSummary {
  /** `Y.encodeStateAsUpdate` of the story's Y.Doc when the version was taken. */
  state: Uint8Array;
  /** The story as plain data (meta and ProseMirror JSON), as `readArticle` read it. */
  doc: ArticleJson;
}

/** What a caller gives to store a version; the store numbers it. */
export type NewVersion = Omit<Version, 'id' | 'number'>;

/** A story's versions. Append-only: nothing here changes or removes a stored version. */
export interface VersionStore {
  /** Stores a version with the next number of its story, atomically. */
  insert(version: NewVersion): Version;
  /** The story's versions, newest first, without state or document. */
  list(articleId: string): VersionSummary[];
  /** Version `number` of the story, or null. */
  get(articleId: string, number: number): Version | null;
  /** The story's newest version, or null when it has none. */
  latestFor(articleId: string): Version | null;
}
