/** A signed-in browser. Only the SHA-256 of its token is stored, so a copied database opens no session. */
export interface SessionRecord {
  idHash: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  /** The last use, recorded at most about once a minute (see resolveSession). */
  lastSeenAt: string;
  /** The browser's User-Agent at sign-in; null when it sent none (or the session predates it). */
  userAgent: string | null;
  /** The address it signed in from (clientAddress()); null when unknown. */
  address: string | null;
}

/** Where a session was opened from, kept to show the user their sessions. */
export interface SessionClient {
  userAgent: string | null;
  address: string | null;
}

/** A session just created: `token` goes into the cookie and is never stored. */
export interface NewSession {
  token: string;
  session: SessionRecord;
}

/** Server-side sessions, looked up by the raw token from the cookie. */
export interface SessionStore {
  /** A new random id for `userId`. Called at every sign-in, so the id rotates. */
  create(userId: number, now: Date, ttlMs: number, client?: SessionClient): Promise<NewSession>;
  /** The live session for `token`, or null when unknown or expired (an expired one is deleted). */
  find(token: string, now: Date): Promise<SessionRecord | null>;
  /**
   * The live sessions of a user: most recently used first, then most recently created, then by id
   * hash; an expired one is not listed.
   */
  listForUser(userId: number, now: Date): Promise<SessionRecord[]>;
  /** Whether the session with this id hash still exists and has not expired (open sockets are checked with it). */
  isLive(idHash: string, now: Date): Promise<boolean>;
  /** Records activity and slides the expiry to `now + ttlMs`. */
  touch(token: string, now: Date, ttlMs: number): Promise<void>;
  /** Ends one session; false when there was none. */
  delete(token: string): Promise<boolean>;
  /** Ends the session of `userId` with this id hash; false when that user has no such session. */
  deleteByHash(userId: number, idHash: string): Promise<boolean>;
  /**
   * Ends every session of a user (disabled, role changed, password reset) but the one whose id hash
   * is `keep`, if given; returns the id hashes of those it ended.
   */
  deleteForUser(userId: number, keep?: string): Promise<string[]>;
  /** Sweeps expired rows; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}
