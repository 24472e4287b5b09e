import { PASSWORD_MIN_LENGTH } from '../accounts.ts';

/** Most characters a new password may have, counted the same way. */
export const PASSWORD_POLICY_MAX_LENGTH = 256;
/** Lowest zxcvbn score (0–4) a new password may have. */
export const PASSWORD_MIN_SCORE = 3;
/** Names shorter than this (after dropping spaces and punctuation) are too short to look for inside a password. */
const NAME_MIN_LENGTH = 4;

/** Why a new password is refused. */
export type PasswordProblem = 'too_short' | 'too_long' | 'contains_name' | 'common' | 'guessable';

/** Whose password it is: the policy refuses these names as, or inside, the password. */
export interface PasswordOwner {
  username?: string | undefined;
  displayName?: string | undefined;
}

/** What the policy says of a password: refused with a problem and why, or accepted; with its strength. */
export interface PasswordVerdict {
  ok: boolean;
  problem: PasswordProblem | null;
  /** Why it is refused, as a sentence to show; null when it is accepted. */
  message: string | null;
  /** zxcvbn's estimate, 0 (guessed at once) to 4 (very unlikely to be guessed). */
  score: 0 | 1 | 2 | 3 | 4;
  /** How to make it stronger, as zxcvbn suggests. */
  suggestions: string[];
}

/** The password as the policy measures it: NFKC-normalised, so look-alike spellings count alike. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Its length in characters (code points, so an emoji is one), after normalisation. */
export function passwordLength(password: string): number {
  let length = 0;
  for (const _ of normalizePassword(password)) length++;
  return length;
}

function compact(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The rules a password must pass before its strength is worth estimating: its length, and
 * neither the username nor the display name inside it (case, spaces and punctuation ignored).
 * Null when it passes them.
 */
export function passwordRuleProblem(password: string, owner: PasswordOwner = {}): { problem: PasswordProblem; message: string } | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) {
    return { problem: 'too_short', message: `Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}).` };
  }
  if (length > PASSWORD_POLICY_MAX_LENGTH) {
    return { problem: 'too_long', message: `Use at most ${PASSWORD_POLICY_MAX_LENGTH} characters (this one has ${length}).` };
  }
  const haystack = compact(password);
  for (const name of [owner.username, owner.displayName]) {
    const needle = compact(name ?? '');
    if (needle.length >= NAME_MIN_LENGTH && haystack.includes(needle)) {
      return { problem: 'contains_name', message: 'Do not use the username or the display name in the password.' };
    }
  }
  return null;
}

/** The words of the owner's names, which zxcvbn then counts as easy to guess. */
export function ownerWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  for (const name of [owner.username, owner.displayName]) {
    if (!name) continue;
    words.add(name.toLowerCase());
    for (const word of name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length >= 3) words.add(word);
  }
  return [...words];
}
