/**
 * A change of who may do what that every server must apply to its own sockets: a session ended,
 * an account disabled or changed, a story's status, people or review settings changed.
 */
export type AccessNotice =
  | { kind: 'session'; sessionHash: string; code: number; reason: string }
  | { kind: 'user'; userId: number; code: number; reason: string }
  | { kind: 'story'; articleId: string }
  /** The story was deleted for good: close its sockets, drop it from memory. */
  | { kind: 'story_deleted'; articleId: string };

/**
 * Carries access notices between the servers that share one database: what one server publishes
 * reaches every other server's listener (never its own). One server alone needs none (null).
 */
export interface AccessNoticeBus {
  /** Tells the other servers; never throws (a failure is logged). */
  publish(notice: AccessNotice): void;
  /** Hears the other servers' notices. */
  onNotice(listener: (notice: AccessNotice) => void): void;
  close(): Promise<void>;
}

/** Whether `value`, parsed from the wire, is an AccessNotice. */
export function isAccessNotice(value: unknown): value is AccessNotice {
  if (typeof value !== 'object' || value === null) return false;
  const notice = value as Record<string, unknown>;
  switch (notice.kind) {
    case 'session':
      return typeof notice.sessionHash === 'string' && typeof notice.code === 'number' && typeof notice.reason === 'string';
    case 'user':
      return typeof notice.userId === 'number' && typeof notice.code === 'number' && typeof notice.reason === 'string';
    case 'story':
    case 'story_deleted':
      return typeof notice.articleId === 'string';
    default:
      return false;
  }
}
