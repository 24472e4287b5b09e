import { ErrorId } from '../../../shared/api.ts';
import { HttpError } from '../../http/HttpError.ts';
import { SecretUnreadableError, type SecretBox } from './SecretBox.ts';

/** The 500 answered when an account's stored secret does not open with this server's MFA_KEY. */
export function unreadableSecretError(): HttpError {
  return new HttpError(
    500,
    ErrorId.MfaSecretUnreadable,
    'This account’s two-step sign-in cannot be read by the server (was MFA_KEY changed?). An admin can reset it.',
  );
}

/** `box.open`, with an unreadable secret thrown as `unreadableSecretError()`. */
export function openSecret(box: SecretBox, stored: string, userId: number): string {
  try {
    return box.open(stored, userId);
  } catch (error) {
    if (error instanceof SecretUnreadableError) throw unreadableSecretError();
    throw error;
  }
}
