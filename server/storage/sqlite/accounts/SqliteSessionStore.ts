import type Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';
import { hashSessionToken, newSessionToken } from '../../../auth/sessionToken.ts';
import type { NewSession, SessionClient, SessionRecord, SessionStore } from '../../SessionStore.ts';

interface SessionRow {
  id_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string | null;
  address: string | null;
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    userAgent: row.user_agent,
    address: row.address,
  };
}

const NO_CLIENT: SessionClient = { userAgent: null, address: null };

/** SessionStore on SQLite; rows are keyed by the SHA-256 of the token, never the token. */
export class SqliteSessionStore implements SessionStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #insert: Database.Statement<[string, number, string, string, string, string | null, string | null]>;
  readonly #get: Database.Statement<[string], SessionRow>;
  readonly #listForUser: Database.Statement<[number, string], SessionRow>;
  readonly #touch: Database.Statement<[string, string, string]>;
  readonly #delete: Database.Statement<[string]>;
  readonly #deleteByHash: Database.Statement<[string, number]>;
  readonly #deleteForUser: Database.Statement<[number, string | null], { id_hash: string }>;
  readonly #deleteExpired: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#insert = db.prepare(
      'INSERT INTO sessions (id_hash, user_id, created_at, expires_at, last_seen_at, user_agent, address) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.#get = db.prepare('SELECT * FROM sessions WHERE id_hash = ?');
    this.#listForUser = db.prepare(
      'SELECT * FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY last_seen_at DESC, created_at DESC, id_hash',
    );
    this.#touch = db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?');
    this.#delete = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
    this.#deleteByHash = db.prepare('DELETE FROM sessions WHERE id_hash = ? AND user_id = ?');
    this.#deleteForUser = db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ? RETURNING id_hash');
    this.#deleteExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  }

  create(userId: number, now: Date, ttlMs: number, client: SessionClient = NO_CLIENT): Promise<NewSession> {
    return this.#unit.run(() => {
      const token = newSessionToken();
      const created = now.toISOString();
      const session: SessionRecord = {
        idHash: hashSessionToken(token),
        userId,
        createdAt: created,
        expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
        lastSeenAt: created,
        userAgent: client.userAgent,
        address: client.address,
      };
      this.#insert.run(session.idHash, userId, session.createdAt, session.expiresAt, session.lastSeenAt, session.userAgent, session.address);
      return { token, session };
    });
  }

  find(token: string, now: Date): Promise<SessionRecord | null> {
    return this.#unit.run(() => {
      const idHash = hashSessionToken(token);
      const row = this.#get.get(idHash);
      if (!row) return null;
      if (Date.parse(row.expires_at) <= now.getTime()) {
        this.#delete.run(idHash);
        return null;
      }
      return toRecord(row);
    });
  }

  listForUser(userId: number, now: Date): Promise<SessionRecord[]> {
    return this.#unit.run(() => this.#listForUser.all(userId, now.toISOString()).map(toRecord));
  }

  isLive(idHash: string, now: Date): Promise<boolean> {
    return this.#unit.run(() => {
      const row = this.#get.get(idHash);
      return row !== undefined && Date.parse(row.expires_at) > now.getTime();
    });
  }

  touch(token: string, now: Date, ttlMs: number): Promise<void> {
    return this.#unit.run(() => {
      this.#touch.run(now.toISOString(), new Date(now.getTime() + ttlMs).toISOString(), hashSessionToken(token));
    });
  }

  delete(token: string): Promise<boolean> {
    return this.#unit.run(() => this.#delete.run(hashSessionToken(token)).changes > 0);
  }

  deleteByHash(userId: number, idHash: string): Promise<boolean> {
    return this.#unit.run(() => this.#deleteByHash.run(idHash, userId).changes > 0);
  }

  deleteForUser(userId: number, keep?: string): Promise<string[]> {
    return this.#unit.run(() => this.#deleteForUser.all(userId, keep ?? null).map((r) => r.id_hash));
  }

  deleteExpired(now: Date): Promise<number> {
    return this.#unit.run(() => this.#deleteExpired.run(now.toISOString()).changes);
  }
}
