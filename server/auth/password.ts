import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { PASSWORD_MAX_LENGTH } from '../../shared/accounts.ts';

/** scrypt cost parameters. `N` is the CPU/memory cost (a power of two), `r` the block size, `p` the parallelism. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt recommendation: N=2^17, r=8, p=1 (128 MiB per hash). */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Refuse encoded hashes asking for more than this, so a corrupt row cannot make one login allocate gigabytes.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function memoryFor({ N, r, p }: ScryptParams): number {
  // scrypt needs 128·N·r bytes for V plus 128·r·p for B; headroom avoids Node's "memory limit exceeded".
  return 128 * N * r + 128 * r * p + 32 * 1024 * 1024;
}

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...params, maxmem: memoryFor(params) }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

function checkParams(params: ScryptParams): void {
  const { N, r, p } = params;
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N) throw new RangeError(`scrypt N must be a power of two from 2 to ${MAX_N}, got ${N}`);
  if (!Number.isInteger(r) || r < 1 || r > MAX_R) throw new RangeError(`scrypt r must be an integer from 1 to ${MAX_R}, got ${r}`);
  if (!Number.isInteger(p) || p < 1 || p > MAX_P) throw new RangeError(`scrypt p must be an integer from 1 to ${MAX_P}, got ${p}`);
}

/**
 * Hashes a password into a self-describing string `scrypt$N$r$p$salt$hash` (salt and hash in base64url).
 * Runs on libuv's thread pool, so the event loop keeps serving while it works.
 * Tests pass cheaper `params` explicitly; production uses the default.
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  checkParams(params);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A parsed `scrypt$…` string. */
export interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

/** Parses an encoded hash; throws RangeError when it is malformed or its cost is out of bounds. */
export function parsePasswordHash(encoded: string): ParsedHash {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') throw new RangeError('Not an scrypt password hash');
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^\d{1,10}$/.test(s!) ? Number(s) : NaN)) as [number, number, number];
  const params = { N, r, p };
  checkParams(params);
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || key.length < 16) throw new RangeError('scrypt password hash has a short salt or key');
  return { params, salt, key };
}

/**
 * Whether `password` matches `encoded`, compared in constant time.
 * With `encoded === null` (no such user, or a disabled one) it still spends one full hash at `dummyParams`
 * and answers false, so response time does not reveal which usernames exist.
 */
export async function verifyPassword(
  password: string,
  encoded: string | null,
  dummyParams: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  if (encoded === null) {
    await derive(password, randomBytes(SALT_BYTES), dummyParams, KEY_BYTES);
    return false;
  }
  const { params, salt, key } = parsePasswordHash(encoded);
  const candidate = await derive(password, salt, params, key.length);
  return timingSafeEqual(candidate, key);
}

/** Whether a stored hash was made with weaker parameters than `params`: rehash it at the next successful sign-in. */
export function needsRehash(encoded: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  try {
    const parsed = parsePasswordHash(encoded).params;
    return parsed.N < params.N || parsed.r < params.r || parsed.p < params.p;
  } catch {
    return true;
  }
}
