import { z } from 'zod';
import { LoginBody, PASSWORD_MAX_LENGTH } from './accounts.ts';
import { ROLES, type Role } from './roles.ts';

/** A TOTP code (six digits) or a recovery code; spaces and dashes are ignored. */
const code = z.string().trim().min(1).max(64);

/** Body of POST /api/session for an account with two-step sign-in: the password and a code. */
export const SignInBody = LoginBody.extend({ code: code.optional() });
export type SignInBody = z.infer<typeof SignInBody>;

/** Body of POST /api/me/mfa/confirm and DELETE /api/me/mfa. */
export const MfaCodeBody = z.object({ code });
export type MfaCodeBody = z.infer<typeof MfaCodeBody>;

/**
 * Body of POST /api/me/mfa: the account's password again. Whoever holds a session (a browser left
 * signed in) must not be able to tie the account to their own phone and lock its owner out.
 */
export const MfaStartBody = z.object({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });
export type MfaStartBody = z.infer<typeof MfaStartBody>;

/** Body of PUT /api/mfa/policy. */
export const MfaPolicyBody = z.object({ requiredRoles: z.array(z.enum(ROLES)).max(ROLES.length * 2) });
export type MfaPolicyBody = z.infer<typeof MfaPolicyBody>;

/** GET /api/me/mfa: the signed-in account's two-step sign-in. */
export interface MfaStatus {
  /** Codes are asked for at sign-in. */
  enabled: boolean;
  /** An enrolment was started and awaits its first code. */
  pending: boolean;
  /** An admin requires two-step sign-in for this account's role. */
  required: boolean;
  /** Required and not on: the session may do nothing but enrol (everything else answers 403 `mfa_enrolment_required`). */
  enrolmentRequired: boolean;
  /** Recovery codes not yet used (0 when off). */
  recoveryCodesLeft: number;
}

/** Answer of POST /api/me/mfa: the new secret, shown once, for the authenticator app. */
export interface MfaEnrolment {
  /** Base32, for typing into the app by hand. */
  secret: string;
  /** The `otpauth://totp/…` address the QR code holds. */
  otpauthUrl: string;
}

/** Answer of POST /api/me/mfa/confirm: recovery codes, each accepted once instead of a code, shown only this once. */
export interface MfaRecoveryCodes {
  recoveryCodes: string[];
}

/** GET and PUT /api/mfa/policy (admins): the roles whose accounts must use two-step sign-in. */
export interface MfaPolicy {
  requiredRoles: Role[];
}
