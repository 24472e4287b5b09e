import { LiveSockets } from '../auth/LiveSockets.ts';
import { LoginThrottle, type LoginThrottleOptions } from '../auth/loginThrottle.ts';
import type { ArticleMembers } from '../storage/ArticleMembers.ts';
import type { AuditLog } from '../storage/AuditLog.ts';
import type { MfaStore } from '../storage/MfaStore.ts';
import { SecretBox } from '../auth/mfa/SecretBox.ts';
import type { SessionStore } from '../storage/SessionStore.ts';
import type { Storage } from '../storage/Storage.ts';
import type { UnitOfWork } from '../storage/UnitOfWork.ts';
import type { UserStore } from '../storage/UserStore.ts';

/** Who may do what: accounts, sessions, story members, the audit log, sign-in throttling and open sockets per user. */
export interface Accounts {
  users: UserStore;
  sessions: SessionStore;
  members: ArticleMembers;
  audit: AuditLog;
  throttle: LoginThrottle;
  liveSockets: LiveSockets;
  /** Two-step sign-in: each account's factor, and the roles that must use it. */
  mfa: MfaStore;
  /** Seals and opens the TOTP secrets (MFA_KEY). */
  mfaSecrets: SecretBox;
  /**
   * Runs `fn` in one database transaction: a status change and its audit row land together or not
   * at all. `fn` awaits store calls only (UnitOfWork's rule).
   */
  transact: UnitOfWork['transact'];
}

/** The account stores of the server's storage. */
export function openAccounts(storage: Storage, throttle: Readonly<LoginThrottleOptions>, mfaKey: Uint8Array | null = null): Accounts {
  return {
    users: storage.users,
    sessions: storage.sessions,
    members: storage.members,
    audit: storage.audit,
    throttle: new LoginThrottle(storage.loginAttempts, throttle),
    liveSockets: new LiveSockets(),
    mfa: storage.mfa,
    mfaSecrets: new SecretBox(mfaKey),
    transact: (fn) => storage.unit.transact(fn),
  };
}
