import { createHash } from 'node:crypto';

/** Cursor colours readable on white, distinct enough to tell two editors apart. */
export const CURSOR_COLORS = [
  '#d1495b', '#edae49', '#00798c', '#30638e', '#6a4c93', '#2a9d8f',
  '#e76f51', '#8a5a44', '#c2185b', '#3d7a3d', '#5c6bc0', '#b5651d',
] as const;

/** A stable cursor colour for a username, so a person keeps their colour across sessions. */
export function colorForUsername(username: string): string {
  const digest = createHash('sha256').update(username.toLowerCase()).digest();
  return CURSOR_COLORS[digest.readUInt32BE(0) % CURSOR_COLORS.length]!;
}
