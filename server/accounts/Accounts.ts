import type Database from 'better-sqlite3';
import { LiveSockets } from '../auth/LiveSockets.ts';
import { LoginThrottle, type LoginThrottleOptions } from '../auth/loginThrottle.ts';
import type { ArticleMembers } from '../storage/ArticleMembers.ts';
import type { AuditLog } from '../storage/AuditLog.ts';
import type { SessionStore } from '../storage/SessionStore.ts';
import type { UnitOfWork } from '../storage/UnitOfWork.ts';
import type { UserStore } from '../storage/UserStore.ts';
import { SqliteArticleMembers } from '../storage/sqlite/accounts/SqliteArticleMembers.ts';
import { SqliteAuditLog } from '../storage/sqlite/accounts/SqliteAuditLog.ts';
import { SqliteLoginAttemptStore } from '../storage/sqlite/accounts/SqliteLoginAttemptStore.ts';
import { SqliteSessionStore } from '../storage/sqlite/accounts/SqliteSessionStore.ts';
import { SqliteUserStore } from '../storage/sqlite/accounts/SqliteUserStore.ts';
import { sqliteUnitOf } from '../storage/sqlite/SqliteUnitOfWork.ts';

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

/** The account stores on the server's SQLite database. */
export function openAccounts(db: Database.Database, throttle: Readonly<LoginThrottleOptions>): Accounts {
  return {
    users: new SqliteUserStore(db),
    sessions: new SqliteSessionStore(db),
    members: new SqliteArticleMembers(db),
    audit: new SqliteAuditLog(db),
    throttle: new LoginThrottle(new SqliteLoginAttemptStore(db), throttle),
    liveSockets: new LiveSockets(),
    transact: (fn) => sqliteUnitOf(db).transact(fn),
  };
}
