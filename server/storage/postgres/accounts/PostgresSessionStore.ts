import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import { hashSessionToken, newSessionToken } from '../../../auth/sessionToken.ts';
import type { NewSession, SessionClient, SessionRecord, SessionStore } from '../../SessionStore.ts';

interface SessionRow {
  id_hash: string;
  user_id: number;
  created_at: Date;
  expires_at: Date;
  last_seen_at: Date;
  user_agent: string | null;
  address: string | null;
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    userAgent: row.user_agent,
    address: row.address,
  };
}

const NO_CLIENT: SessionClient = { userAgent: null, address: null };

// One statement: the expired row is deleted and the live one read from the same snapshot. The
// delete is bounded by the expiry, so a session another server touched meanwhile is kept.
const FIND = `
  WITH expired AS (DELETE FROM sessions WHERE id_hash = $1 AND expires_at <= $2)
  SELECT * FROM sessions WHERE id_hash = $1 AND expires_at > $2`;

/** SessionStore on PostgreSQL; rows are keyed by the SHA-256 of the token, never the token. */
export class PostgresSessionStore implements SessionStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async create(userId: number, now: Date, ttlMs: number, client: SessionClient = NO_CLIENT): Promise<NewSession> {
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
    await this.#unit.query(
      'INSERT INTO sessions (id_hash, user_id, created_at, expires_at, last_seen_at, user_agent, address) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [session.idHash, userId, session.createdAt, session.expiresAt, session.lastSeenAt, session.userAgent, session.address],
    );
    return { token, session };
  }

  async find(token: string, now: Date): Promise<SessionRecord | null> {
    const { rows } = await this.#unit.query<SessionRow>(FIND, [hashSessionToken(token), now.toISOString()]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async listForUser(userId: number, now: Date): Promise<SessionRecord[]> {
    const { rows } = await this.#unit.query<SessionRow>(
      `SELECT * FROM sessions WHERE user_id = $1 AND expires_at > $2
       ORDER BY last_seen_at DESC, created_at DESC, id_hash COLLATE "C"`,
      [userId, now.toISOString()],
    );
    return rows.map(toRecord);
  }

  async isLive(idHash: string, now: Date): Promise<boolean> {
    const { rows } = await this.#unit.query<{ live: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM sessions WHERE id_hash = $1 AND expires_at > $2) AS live',
      [idHash, now.toISOString()],
    );
    return rows[0]!.live;
  }

  async touch(token: string, now: Date, ttlMs: number): Promise<void> {
    await this.#unit.query('UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3', [
      now.toISOString(),
      new Date(now.getTime() + ttlMs).toISOString(),
      hashSessionToken(token),
    ]);
  }

  async delete(token: string): Promise<boolean> {
    const { rowCount } = await this.#unit.query('DELETE FROM sessions WHERE id_hash = $1', [hashSessionToken(token)]);
    return (rowCount ?? 0) > 0;
  }

  async deleteByHash(userId: number, idHash: string): Promise<boolean> {
    const { rowCount } = await this.#unit.query('DELETE FROM sessions WHERE id_hash = $1 AND user_id = $2', [idHash, userId]);
    return (rowCount ?? 0) > 0;
  }

  async deleteForUser(userId: number, keep?: string): Promise<string[]> {
    const { rows } = await this.#unit.query<{ id_hash: string }>(
      'DELETE FROM sessions WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2 RETURNING id_hash',
      [userId, keep ?? null],
    );
    return rows.map((row) => row.id_hash);
  }

  async deleteExpired(now: Date): Promise<number> {
    const { rowCount } = await this.#unit.query('DELETE FROM sessions WHERE expires_at <= $1', [now.toISOString()]);
    return rowCount ?? 0;
  }
}
