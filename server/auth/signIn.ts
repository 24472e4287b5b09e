import { setTimeout as sleep } from 'node:timers/promises';
import type { SessionRecord, SessionStore } from '../storage/SessionStore.ts';
import type { UserRecord, UserStore } from '../storage/UserStore.ts';
import type { LoginThrottle } from './loginThrottle.ts';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password.ts';

/** What signing in needs. */
export interface SignInDeps {
  users: UserStore;
  sessions: SessionStore;
  throttle: LoginThrottle;
  sessionTtlMs: number;
  /** Parameters for new hashes and for the dummy verify; tests pass cheap ones. */
  scryptParams?: ScryptParams;
  /** How to wait out a throttle delay; tests may record instead of waiting. */
  wait?: (ms: number) => Promise<unknown>;
  now?: () => Date;
}

export interface SignInAttempt {
  username: string;
  password: string;
  /** From clientAddress(). */
  address: string;
  /** The token of a session this browser already holds, ended so the id always changes at sign-in. */
  previousToken?: string | null;
  /** From storedUserAgent(): kept with the session to show in the user's list of sessions. */
  userAgent?: string | null;
}

/** The answer: a new session, or one of two refusals the route renders as 401 and 429. */
export type SignInResult =
  | { ok: true; user: UserRecord; token: string; session: SessionRecord }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks credentials and opens a fresh session. Unknown user, disabled account and wrong password
 * all answer `invalid_credentials` after the same scrypt work, so neither the message nor the
 * timing tells them apart. Repeated failures are slowed, then refused, per account and per address.
 */
export async function signIn(deps: SignInDeps, attempt: SignInAttempt): Promise<SignInResult> {
  const params = deps.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
  const now = deps.now ?? (() => new Date());
  const decision = await deps.throttle.check(attempt.username, attempt.address);
  if (!decision.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
  if (decision.delayMs > 0) await (deps.wait ?? sleep)(decision.delayMs);

  const user = await deps.users.findByUsername(attempt.username);
  const usable = user && !user.disabled ? user : null;
  const matches = await verifyPassword(attempt.password, usable?.passwordHash ?? null, params);
  if (!usable || !matches) {
    await deps.throttle.recordFailure(attempt.username, attempt.address);
    return { ok: false, reason: 'invalid_credentials' };
  }
  await deps.throttle.recordSuccess(attempt.username, attempt.address);

  let signedIn = usable;
  if (needsRehash(usable.passwordHash, params)) {
    const passwordHash = await hashPassword(attempt.password, params);
    signedIn = (await deps.users.update(usable.username, { passwordHash }, now().toISOString())) ?? usable;
  }
  if (attempt.previousToken) await deps.sessions.delete(attempt.previousToken);
  const { token, session } = await deps.sessions.create(signedIn.id, now(), deps.sessionTtlMs, {
    userAgent: attempt.userAgent ?? null,
    address: attempt.address,
  });
  return { ok: true, user: signedIn, token, session };
}
