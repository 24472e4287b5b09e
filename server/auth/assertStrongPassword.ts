import { ErrorId } from '../../shared/api.ts';
import { judgePassword } from '../../shared/password/judgePassword.ts';
import type { PasswordOwner } from '../../shared/password/passwordRules.ts';
import { HttpError } from '../http/HttpError.ts';

/**
 * Refuses a new password the policy refuses, with 400 password_too_weak: the message says why,
 * `details` gives the problem and zxcvbn's suggestions.
 */
export function assertStrongPassword(password: string, owner: PasswordOwner): void {
  const verdict = judgePassword(password, owner);
  if (verdict.ok) return;
  throw new HttpError(400, ErrorId.PasswordTooWeak, verdict.message ?? 'Choose a stronger password.', {
    problem: verdict.problem,
    suggestions: verdict.suggestions,
  });
}
