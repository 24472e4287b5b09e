import { ErrorId } from '../../shared/api.ts';
import type { PasswordOwner } from '../../shared/password/passwordRules.ts';
import { HttpError } from '../http/HttpError.ts';

/**
 * The policy's judge, loaded at the first password set: zxcvbn's dictionaries take about 40 MiB,
 * which a server that never sets a password should not carry.
 */
export async function loadPasswordJudge(): Promise<typeof import('../../shared/password/judgePassword.ts').judgePassword> {
  return (await import('../../shared/password/judgePassword.ts')).judgePassword;
}

/**
 * Refuses a new password the policy refuses, with 400 password_too_weak: the message says why,
 * `details` gives the problem and zxcvbn's suggestions.
 */
export async function assertStrongPassword(password: string, owner: PasswordOwner): Promise<void> {
  const verdict = (await loadPasswordJudge())(password, owner);
  if (verdict.ok) return;
  throw new HttpError(400, ErrorId.PasswordTooWeak, verdict.message ?? 'Choose a stronger password.', {
    problem: verdict.problem,
    suggestions: verdict.suggestions,
  });
}
