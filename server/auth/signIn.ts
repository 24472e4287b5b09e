import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditLog } from '../storage/AuditLog.ts';
import type { SessionRecord, SessionStore } from '../storage/SessionStore.ts';
import type { UserRecord, UserStore } from '../storage/UserStore.ts';
import type { LoginThrottle } from './loginThrottle.ts';
import { verifySecondFactor, type SecondFactorDeps } from './mfa/verifySecondFactor.ts';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password.ts';
import type { SignInMetrics } from './SignInMetrics.ts';

/** What signing in needs. */
export interface SignInDeps {
  users: UserStore;
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** Where refused sign-ins and throttle locks are recorded. */
  audit: AuditLog;
  metrics?: SignInMetrics | null;
  /** Two-step sign-in: accounts that turned it on need a code too. Absent: the password alone. */
  mfa?: SecondFactorDeps | null;
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
  /** A TOTP code or a recovery code, for an account with two-step sign-in. */
  code?: string | undefined;
  /** From storedUserAgent(): kept with the session to show in the user's list of sessions. */
  userAgent?: string | null;
}

/** The answer: a new session, or one of two refusals the route renders as 401 and 429. */
export type SignInResult =
  | { ok: true; user: UserRecord; token: string; session: SessionRecord }
  | { ok: false; reason: 'invalid_credentials' }
  /** The password was right; the account needs a code (`mfa_required`), or the code was wrong or used. */
  | { ok: false; reason: 'mfa_required' | 'invalid_mfa_code' | 'mfa_secret_unreadable' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks credentials and opens a fresh session. Unknown user, disabled account and wrong password
 * all answer `invalid_credentials` after the same scrypt work, so neither the message nor the
 * timing tells them apart. Repeated failures are slowed per account, and slowed then refused per
 * account from one address and per address (LoginThrottle); each refusal is in the audit log and
 * the metrics, a lock once when it starts.
 */
export async function signIn(deps: SignInDeps, attempt: SignInAttempt): Promise<SignInResult> {
  const params = deps.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
  const now = deps.now ?? (() => new Date());
  const decision = await deps.throttle.attempt(attempt.username, attempt.address);
  if (!decision.allowed) {
    deps.metrics?.signInRefused('throttled');
    if (decision.lockedNow) {
      deps.metrics?.signInLocked(decision.scope);
      const account = decision.scope === 'pair' ? await deps.users.findByUsername(attempt.username) : null;
      await deps.audit.append({
        articleId: null,
        actor: attempt.address,
        action: 'sign_in_throttled',
        subject: account?.username ?? null,
        to: new Date(decision.lockedUntil).toISOString(),
        note: decision.scope === 'pair' ? 'this account from this address' : 'this address, every account',
        at: now().toISOString(),
      });
    }
    return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
  }
  if (decision.delayMs > 0) await (deps.wait ?? sleep)(decision.delayMs);

  const user = await deps.users.findByUsername(attempt.username);
  const usable = user && !user.disabled ? user : null;
  const matches = await verifyPassword(attempt.password, usable?.passwordHash ?? null, params);
  if (!usable || !matches) {
    deps.metrics?.signInRefused('invalid_credentials');
    // What was typed as a username is kept only when it names an account: it may be a password.
    await deps.audit.append({
      articleId: null,
      actor: attempt.address,
      action: 'sign_in_failed',
      subject: user?.username ?? null,
      note: !user ? 'no such account' : user.disabled ? 'account disabled' : 'wrong password',
      at: now().toISOString(),
    });
    return { ok: false, reason: 'invalid_credentials' };
  }
  if (deps.mfa) {
    // Until a code is right the attempt stays counted as a failure, so code guesses are throttled as
    // password guesses are, and a right password alone never clears the count.
    const factor = await verifySecondFactor(deps.mfa, usable.id, attempt.code);
    if (factor.result === 'required') return { ok: false, reason: 'mfa_required' };
    if (factor.result === 'unreadable') return { ok: false, reason: 'mfa_secret_unreadable' };
    if (factor.result === 'wrong') {
      const at = now().toISOString();
      await deps.audit.append({ articleId: null, actor: attempt.address, action: 'sign_in_failed', subject: usable.username, note: 'wrong two-step code', at });
      return { ok: false, reason: 'invalid_mfa_code' };
    }
    if (factor.result === 'ok' && factor.by === 'recovery_code') {
      const at = now().toISOString();
      const left = String(factor.recoveryCodesLeft);
      await deps.audit.append({ articleId: null, actor: usable.username, action: 'mfa_recovery_code_used', subject: usable.username, to: left, at });
    }
  }
  await deps.throttle.succeeded(attempt.username, attempt.address);

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
