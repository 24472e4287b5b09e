import type { AccessNoticeBus } from './AccessNotice.ts';

/** Something that can be closed with a WebSocket close code: a ws socket or a collab Connection. */
export interface Closable {
  close(code: number, reason: string): void;
}

interface Entry {
  userId: number;
  sessionHash: string;
  socket: Closable;
}

/**
 * The open collaboration sockets of each user and session, so that signing out, disabling an
 * account or changing a role can close them at once instead of leaving a stale permission open.
 * With several servers, `connect` a notice bus: closing a user's or a session's sockets here
 * tells the other servers to close theirs.
 */
export class LiveSockets {
  readonly #entries = new Set<Entry>();
  #bus: AccessNoticeBus | null = null;

  /** Tells the other servers of every closeUser and closeSession, and applies theirs here. */
  connect(bus: AccessNoticeBus): void {
    this.#bus = bus;
    bus.onNotice((notice) => {
      if (notice.kind === 'user') this.#close((e) => e.userId === notice.userId, notice.code, notice.reason);
      if (notice.kind === 'session') this.#close((e) => e.sessionHash === notice.sessionHash, notice.code, notice.reason);
    });
  }

  /** Registers a socket; call the returned function when it closes. */
  add(userId: number, sessionHash: string, socket: Closable): () => void {
    const entry = { userId, sessionHash, socket };
    this.#entries.add(entry);
    return () => this.#entries.delete(entry);
  }

  /** Closes every socket of a user (disabled, role changed), here and on the other servers; returns how many here. */
  closeUser(userId: number, code: number, reason: string): number {
    this.#bus?.publish({ kind: 'user', userId, code, reason });
    return this.#close((e) => e.userId === userId, code, reason);
  }

  /** Closes every socket opened with one session (signed out), here and on the other servers; returns how many here. */
  closeSession(sessionHash: string, code: number, reason: string): number {
    this.#bus?.publish({ kind: 'session', sessionHash, code, reason });
    return this.#close((e) => e.sessionHash === sessionHash, code, reason);
  }

  /**
   * Closes every socket whose session `isLive` no longer vouches for (it expired on time alone, or
   * was removed behind our back); each distinct session is asked once. Returns how many closed.
   */
  async closeExpired(isLive: (sessionHash: string) => Promise<boolean>, code: number, reason: string): Promise<number> {
    const verdicts = new Map<string, boolean>();
    for (const e of this.#entries) {
      if (!verdicts.has(e.sessionHash)) verdicts.set(e.sessionHash, true);
    }
    for (const hash of verdicts.keys()) verdicts.set(hash, await isLive(hash));
    // A socket opened while the sessions were read was vouched for at its handshake.
    return this.#close((e) => verdicts.get(e.sessionHash) === false, code, reason);
  }

  /** How many sockets a user has open. */
  countForUser(userId: number): number {
    let n = 0;
    for (const e of this.#entries) if (e.userId === userId) n++;
    return n;
  }

  #close(match: (e: Entry) => boolean, code: number, reason: string): number {
    const closing = [...this.#entries].filter(match);
    for (const e of closing) {
      this.#entries.delete(e);
      e.socket.close(code, reason);
    }
    return closing.length;
  }
}
