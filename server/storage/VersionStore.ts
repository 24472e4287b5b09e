import type { VersionKind, VersionSummary } from '../../shared/api.ts';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';

export type { VersionKind, VersionSummary } from '../../shared/api.ts';

export const VERSION_KINDS: readonly VersionKind[] = ['transition', 'auto', 'named', 'restore'];

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
  insert(version: NewVersion): Promise<Version>;
  /** The story's versions, newest first, without state or document. */
  list(articleId: string): Promise<VersionSummary[]>;
  /** Version `number` of the story, or null. */
  get(articleId: string, number: number): Promise<Version | null>;
  /** The story's newest version, or null when it has none. */
  latestFor(articleId: string): Promise<Version | null>;
}
