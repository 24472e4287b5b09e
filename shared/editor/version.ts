/**
 * Version of the article schema (shared/editor/extensions.ts).
 * Bump the major whenever a node or mark is removed or its content expression narrows:
 * y-prosemirror silently deletes content that does not fit a client's schema, so the
 * server refuses clients on another major (CloseCode.SchemaMismatch).
 */
// 2.0.0: suggestion marks and the block `suggestion` attribute (a 1.x client would drop them).
export const SCHEMA_VERSION = '2.0.0';

/** The major component of a semver-ish string, or null when it is not one. */
export function schemaMajor(version: string): number | null {
  const match = /^(\d+)(?:\.\d+){0,2}$/.exec(version.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Whether a client stating `clientVersion` may edit with this server.
 * A client that states nothing (a script, a bot) is served as current.
 */
export function isCompatibleSchema(clientVersion: string | null | undefined): boolean {
  if (clientVersion == null || clientVersion === '') return true;
  const major = schemaMajor(clientVersion);
  return major !== null && major === schemaMajor(SCHEMA_VERSION);
}
