import { createHash, randomInt } from 'node:crypto';

/** Letters and digits nobody misreads (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;
/** How many recovery codes an enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * Fresh recovery codes such as `k7qm-2xfp-9hrd`: 12 characters of a 31-letter alphabet, about 59
 * random bits each, so a fast hash is enough to keep them (as for session tokens).
 */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: GROUPS }, () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-'),
  );
}

/** What is stored of a recovery code: the SHA-256 of its letters, whatever the case, spaces and dashes typed. */
export function hashRecoveryCode(code: string): string {
  const letters = code.toLowerCase().replace(/[\s-]+/g, '');
  return createHash('sha256').update(letters).digest('hex');
}
