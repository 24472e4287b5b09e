import type { ThrottleScope } from './loginThrottle.ts';

/** Why a sign-in was refused, as the metrics count it. */
export const SIGN_IN_REFUSALS = ['invalid_credentials', 'throttled'] as const;
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number];

/** What signing in tells the metrics: each refusal by reason, and each lock the throttle starts. */
export interface SignInMetrics {
  signInRefused(reason: SignInRefusal): void;
  signInLocked(scope: ThrottleScope): void;
}
