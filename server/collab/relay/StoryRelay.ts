/** What a server receives from the others for one story. */
export interface RelayHandlers {
  /** A document update another server has already stored: apply it (relay origin), never store or publish it again. */
  update(update: Uint8Array): void;
  /** An awareness update another server accepted (already stamped with its account). */
  awareness(update: Uint8Array): void;
  /**
   * Another server stored updates of this story it could not publish (its Redis connection or
   * backlog dropped them): re-read the story's log from the database.
   */
  resync?(): void;
}

/** A story's subscription; `close` stops receiving. */
export interface RelaySubscription {
  close(): Promise<void>;
}

/**
 * Connects the servers that hold the same story: every update a server commits is published on
 * the story's channel and applied by the other servers that have it open. One server alone needs
 * none (null). Implementations: RedisRelay (pub/sub per story).
 */
export interface StoryRelay {
  /** Publishes a stored update of `articleId` to the other servers. Never throws; a failure is logged and reported by `healthy`. */
  publishUpdate(articleId: string, update: Uint8Array): void;
  /** Publishes an accepted awareness update of `articleId`. */
  publishAwareness(articleId: string, update: Uint8Array): void;
  /**
   * Starts receiving `articleId`'s updates; resolves once the subscription is active, so a server
   * subscribes first and loads the story from the database after, missing nothing published between.
   * Messages this server published itself are not delivered back.
   */
  subscribe(articleId: string, handlers: RelayHandlers): Promise<RelaySubscription>;
  /** Called after a lost connection to the relay is back: each open story re-reads its log to catch up. */
  onReconnect(listener: () => void): () => void;
  /** Whether the relay is reachable now (for /api/health). */
  readonly healthy: boolean;
  close(): Promise<void>;
}
