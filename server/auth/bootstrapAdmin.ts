import { randomBytes } from 'node:crypto';
import type { UserStore } from '../storage/UserStore.ts';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, type ScryptParams } from './password.ts';
import { colorForUsername } from './userColor.ts';
import { passwordJudge } from './assertStrongPassword.ts';
import { ConfigError } from '../config.ts';

export const BOOTSTRAP_USERNAME = 'admin';
export const BOOTSTRAP_DISPLAY_NAME = 'Administrator';

/** What happened at start-up: nothing (accounts exist), or `admin` created with a given or generated password. */
export type BootstrapResult =
  | { created: false }
  | { created: true; username: string; generatedPassword: string | null };

export interface BootstrapOptions {
  /** The password to give `admin` (the server passes COPYDESK_ADMIN_PASSWORD); a random one when absent. */
  password?: string | undefined;
  now?: Date;
  /** Tests pass cheap parameters; production keeps the default. */
  scryptParams?: ScryptParams;
}

/** A random password: 18 bytes of entropy (144 bits), base64url, 24 characters. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * On the first start (no accounts at all) creates the `admin` account. Returns the generated
 * password, if any, for the caller to print once; it is stored only as a hash. A given password
 * the policy refuses (shared/password/judgePassword.ts) stops the start with a ConfigError.
 * Does nothing when any account exists, so a later COPYDESK_ADMIN_PASSWORD never overwrites a password.
 */
export async function bootstrapAdmin(users: UserStore, options: BootstrapOptions = {}): Promise<BootstrapResult> {
  if ((await users.count()) > 0) return { created: false };
  const given = options.password === undefined || options.password === '' ? undefined : options.password;
  if (given !== undefined) {
    const verdict = await passwordJudge.judge(given, { username: BOOTSTRAP_USERNAME, displayName: BOOTSTRAP_DISPLAY_NAME });
    if (!verdict.ok) throw new ConfigError(`COPYDESK_ADMIN_PASSWORD is not strong enough: ${verdict.message}`);
  }
  const password = given ?? generatePassword();
  const passwordHash = await hashPassword(password, options.scryptParams ?? DEFAULT_SCRYPT_PARAMS);
  // Hashing yielded the event loop; another start-up path may have created accounts meanwhile.
  if ((await users.count()) > 0) return { created: false };
  await users.create({
    username: BOOTSTRAP_USERNAME,
    displayName: BOOTSTRAP_DISPLAY_NAME,
    role: 'admin',
    passwordHash,
    color: colorForUsername(BOOTSTRAP_USERNAME),
    createdAt: (options.now ?? new Date()).toISOString(),
  });
  return { created: true, username: BOOTSTRAP_USERNAME, generatedPassword: given === undefined ? password : null };
}
