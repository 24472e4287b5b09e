import type { Role } from '../../shared/roles.ts';

/** One account's two-step sign-in: a pending enrolment (`enabled` false) or a factor in use. */
export interface MfaRecord {
  userId: number;
  /** The TOTP secret as the caller sealed it; the store never reads it. */
  secret: string;
  enabled: boolean;
  /** The last TOTP time step accepted (`floor(unix seconds / 30)`); null before the first. */
  lastUsedStep: number | null;
  /** Recovery codes not yet used. */
  recoveryCodesLeft: number;
  createdAt: string;
  /** When the factor was turned on; null while pending. */
  enabledAt: string | null;
}

/**
 * Each account's TOTP secret, the last time step it accepted and its recovery code hashes, and the
 * roles that must use a second factor. Every verb that accepts a code is one atomic compare-and-set,
 * so a code (or a recovery code) is accepted once even when two servers are asked at the same instant.
 */
export interface MfaStore {
  /** The account's state; null when it never enrolled (or turned the factor off). */
  find(userId: number): Promise<MfaRecord | null>;
  /**
   * Stores `secret` as a pending enrolment, replacing a pending one. False, changing nothing,
   * when the account's factor is already on.
   */
  begin(userId: number, secret: string, at: string): Promise<boolean>;
  /**
   * Turns on the pending enrolment holding exactly `secret`, records `step` as used and stores the
   * recovery code hashes (replacing any), in one transaction. False, changing nothing, when there
   * is no such pending enrolment (none, another replaced it, or the factor is on already).
   */
  enable(userId: number, secret: string, step: number, recoveryCodeHashes: readonly string[], at: string): Promise<boolean>;
  /** Records `step` as used when the factor is on and `step` is later than the last used one; false otherwise. */
  useStep(userId: number, step: number): Promise<boolean>;
  /** Deletes the recovery code with this hash; true when the account held it (so each works once). */
  useRecoveryCode(userId: number, codeHash: string): Promise<boolean>;
  /** Forgets the account's secret and recovery codes; true when there was anything to forget. */
  remove(userId: number): Promise<boolean>;
  /** The roles whose accounts must use a second factor, in the order of ROLES. */
  requiredRoles(): Promise<Role[]>;
  /** Replaces the required roles (duplicates ignored) in one transaction. */
  setRequiredRoles(roles: readonly Role[]): Promise<void>;
}
