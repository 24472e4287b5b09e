import type { MfaStore } from '../../storage/MfaStore.ts';
import { hashRecoveryCode } from './recoveryCodes.ts';
import { SecretUnreadableError, type SecretBox } from './SecretBox.ts';
import { isTotpShaped, matchTotp } from './totp.ts';

/**
 * `none`: the account has no second factor. `required`: it has one and no code came. `wrong`: the
 * code is not the current one, was used already, or is no recovery code left. `ok`: accepted, by
 * a TOTP code (`totp`) or one of the recovery codes, which is then used up (`recovery_code`).
 * `unreadable`: a TOTP code came, but the stored secret does not open with this server's MFA_KEY.
 */
export type SecondFactorVerdict =
  | { result: 'none' }
  | { result: 'unreadable' }
  | { result: 'required' }
  | { result: 'wrong' }
  | { result: 'ok'; by: 'totp' | 'recovery_code'; recoveryCodesLeft: number };

export interface SecondFactorDeps {
  mfa: MfaStore;
  secrets: SecretBox;
  now?: () => number;
}

/**
 * Checks `code` against the account's second factor. A TOTP code is accepted only for a time step
 * later than the last one accepted, and a recovery code only once: both are atomic in the store,
 * so two requests with the same code never both pass.
 */
export async function verifySecondFactor(deps: SecondFactorDeps, userId: number, code: string | undefined): Promise<SecondFactorVerdict> {
  const record = await deps.mfa.find(userId);
  if (!record?.enabled) return { result: 'none' };
  if (code === undefined || code.trim() === '') return { result: 'required' };
  if (isTotpShaped(code)) {
    let secret: string;
    try {
      secret = deps.secrets.open(record.secret, userId);
    } catch (error) {
      if (error instanceof SecretUnreadableError) return { result: 'unreadable' };
      throw error;
    }
    const step = matchTotp(secret, code, (deps.now ?? Date.now)());
    if (step === null || !(await deps.mfa.useStep(userId, step))) return { result: 'wrong' };
    return { result: 'ok', by: 'totp', recoveryCodesLeft: record.recoveryCodesLeft };
  }
  if (!(await deps.mfa.useRecoveryCode(userId, hashRecoveryCode(code)))) return { result: 'wrong' };
  return { result: 'ok', by: 'recovery_code', recoveryCodesLeft: record.recoveryCodesLeft - 1 };
}
