import { LiveSockets } from '../auth/LiveSockets.ts';
import { LoginThrottle, type LoginThrottleOptions } from '../auth/loginThrottle.ts';
import type { ArticleMembers } from '../storage/ArticleMembers.ts';
import type { AuditLog } from '../storage/AuditLog.ts';
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
  /**
   * Runs `fn` in one database transaction: a status change and its audit row land together or not
   * at all. `fn` awaits store calls only (UnitOfWork's rule).
   */
  transact: UnitOfWork['transact'];
}

/** The account stores of the server's storage. */
export function openAccounts(storage: Storage, throttle: Readonly<LoginThrottleOptions>): Accounts {
  return {
    users: storage.users,
    sessions: storage.sessions,
    members: storage.members,
    audit: storage.audit,
    throttle: new LoginThrottle(storage.loginAttempts, throttle),
    liveSockets: new LiveSockets(),
    transact: (fn) => storage.unit.transact(fn),
  };
}
