import { ErrorId } from '../../shared/api.ts';
import type { PasswordOwner } from '../../shared/password/passwordRules.ts';
import { HttpError } from '../http/HttpError.ts';
import { PasswordJudge } from './PasswordJudge.ts';

/** The server's one password judge: a process of its own, started at the first password set. */
export const passwordJudge = new PasswordJudge();

/**
 * Refuses a new password the policy refuses, with 400 password_too_weak: the message says why,
 * `details` gives the problem and zxcvbn's suggestions.
 */
export async function assertStrongPassword(password: string, owner: PasswordOwner): Promise<void> {
  const verdict = await passwordJudge.judge(password, owner);
  if (verdict.ok) return;
  throw new HttpError(400, ErrorId.PasswordTooWeak, verdict.message ?? 'Choose a stronger password.', {
    problem: verdict.problem,
    suggestions: verdict.suggestions,
  });
}
