import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Level 3: on story states and documents it comes within 7% of level 6's size in half the time.
 * Only compactions, versions and re-indexing pay it, never a keystroke.
 */
const LEVEL = 3;

/**
 * The stored form of a large column SQLite keeps in a row with a `deflated` flag: raw deflate of
 * the bytes (or of the text's UTF-8). SQLite has no TOAST: without this, a story's snapshot,
 * versions and search text were written, and checkpointed, at full size (story text and Yjs
 * states shrink about 2×, repetitive ones far more). PostgreSQL compresses such values by itself,
 * so its stores write them as they are.
 */
export function deflated(value: Uint8Array | string): Buffer {
  return deflateRawSync(typeof value === 'string' ? Buffer.from(value, 'utf8') : value, { level: LEVEL });
}

/** A stored bytes column as written: inflated when its row's `deflated` flag is set. */
export function storedBytes(stored: Buffer, deflatedFlag: number): Uint8Array {
  const bytes = deflatedFlag ? inflateRawSync(stored) : stored;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A stored text column as written: inflated (UTF-8) when its row's `deflated` flag is set. */
export function storedText(stored: Buffer | string, deflatedFlag: number): string {
  if (!deflatedFlag) return typeof stored === 'string' ? stored : stored.toString('utf8');
  return inflateRawSync(stored).toString('utf8');
}
