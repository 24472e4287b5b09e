import { setTimeout as sleep } from 'node:timers/promises';
import type { LoginThrottle } from '../loginThrottle.ts';

/** How a code typed outside sign-in fared: accepted, wrong, or refused by the throttle (429). */
export type CodeCheckResult = { ok: true } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Runs `check` (true: the code is right) under the sign-in throttle of `username` from `address`,
 * so codes typed to confirm or turn off two-step sign-in are slowed and refused exactly as
 * passwords are: a wrong code counts as a failed sign-in.
 */
export async function throttledCodeCheck(
  throttle: LoginThrottle,
  who: { username: string; address: string },
  check: () => Promise<boolean>,
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<CodeCheckResult> {
  const decision = await throttle.attempt(who.username, who.address);
  if (!decision.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
  if (decision.delayMs > 0) await wait(decision.delayMs);
  if (!(await check())) return { ok: false, reason: 'wrong' };
  await throttle.succeeded(who.username, who.address);
  return { ok: true };
}
