/** A signed-in browser. Only the SHA-256 of its token is stored, so a copied database opens no session. */
export interface SessionRecord {
  idHash: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

/** A session just created: `token` goes into the cookie and is never stored. */
export interface NewSession {
  token: string;
  session: SessionRecord;
}

/** Server-side sessions, looked up by the raw token from the cookie. */
export interface SessionStore {
  /** A new random id for `userId`. Called at every sign-in, so the id rotates. */
  create(userId: number, now: Date, ttlMs: number): Promise<NewSession>;
  /** The live session for `token`, or null when unknown or expired (an expired one is deleted). */
  find(token: string, now: Date): Promise<SessionRecord | null>;
  /** Whether the session with this id hash still exists and has not expired (open sockets are checked with it). */
  isLive(idHash: string, now: Date): Promise<boolean>;
  /** Records activity and slides the expiry to `now + ttlMs`. */
  touch(token: string, now: Date, ttlMs: number): Promise<void>;
  /** Ends one session; false when there was none. */
  delete(token: string): Promise<boolean>;
  /** Ends every session of a user (disabled, role changed, password reset); returns their id hashes. */
  deleteForUser(userId: number): Promise<string[]>;
  /** Sweeps expired rows; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}
