/** What a WorkerLease calls as this server gains and loses the lease. */
export interface LeaseHandlers {
  /** This server now holds the lease: start the work. */
  gained(): void;
  /** This server no longer holds it (its database connection was lost, or `stop`): stop the work. */
  lost(): void;
}

/**
 * One holder at a time across every server on one database, for work that must run exactly once
 * (scheduled publishing, webhook delivery). A server that does not hold it keeps trying, so when
 * the holder dies another takes over.
 */
export interface WorkerLease {
  /** Starts trying to hold the lease; `handlers` hear of every change. */
  start(handlers: LeaseHandlers): void;
  /** Whether this server holds it now. */
  readonly held: boolean;
  /** Lets the lease go (calling `lost` if it was held) and stops trying. */
  stop(): Promise<void>;
}
