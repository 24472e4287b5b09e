import pg from 'pg';
import type { Logger } from '../../log.ts';
import type { LeaseHandlers, WorkerLease } from '../WorkerLease.ts';

/** First key of every worker lease's advisory lock (`pg_try_advisory_lock(LEASE_LOCK_CLASS, hashtext(name))`). */
export const LEASE_LOCK_CLASS = 0x6c656173; // "leas"

/** The application_name of the connection holding lease `name` in this process. */
export function leaseApplicationName(name: string, pid = process.pid): string {
  return `copydesk ${name} lease (pid ${pid})`;
}

/** How a PostgresWorkerLease is run; tests shorten the period. */
export interface PostgresWorkerLeaseOptions {
  connectionString: string;
  /** The work's name: servers agree on the lock through it. */
  name: string;
  /** How often a server without the lease tries again, and the holder checks its connection. */
  periodMs?: number;
  log: Pick<Logger, 'info' | 'warn'>;
}

/**
 * A WorkerLease on a PostgreSQL session-level advisory lock, held on a connection of its own (not
 * the pool's). PostgreSQL releases the lock when that connection ends, so when the holding server
 * dies (kill -9 included) the lock is free again at once and the next try of another server takes
 * it. The holder checks its connection every period; on an error it counts the lease lost.
 */
export class PostgresWorkerLease implements WorkerLease {
  readonly #options: Required<Omit<PostgresWorkerLeaseOptions, 'log'>> & Pick<PostgresWorkerLeaseOptions, 'log'>;
  #handlers: LeaseHandlers | null = null;
  #client: pg.Client | null = null;
  #held = false;
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;
  #busy: Promise<void> = Promise.resolve();

  constructor(options: PostgresWorkerLeaseOptions) {
    this.#options = { periodMs: 2_000, ...options };
  }

  get held(): boolean {
    return this.#held;
  }

  start(handlers: LeaseHandlers): void {
    this.#handlers = handlers;
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#busy;
    // Ending the connection releases the lock.
    await this.#drop();
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#busy = this.#round().finally(() => this.#schedule(this.#options.periodMs));
    }, delayMs);
    this.#timer.unref();
  }

  /** One try: take the lock when free, or check that the connection holding it still answers. */
  async #round(): Promise<void> {
    try {
      if (this.#held) {
        await this.#client!.query('SELECT 1');
        return;
      }
      const client = await this.#connect();
      const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
        LEASE_LOCK_CLASS,
        this.#options.name,
      ]);
      if (result.rows[0]?.locked && !this.#stopped) {
        this.#held = true;
        this.#options.log.info('this server now runs a worker', { worker: this.#options.name });
        this.#handlers?.gained();
      }
    } catch (error) {
      if (this.#held) this.#options.log.warn('lost the database connection holding a worker lease', { worker: this.#options.name, error });
      await this.#drop();
    }
  }

  async #connect(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    // Named, so an operator (and a test) can see in pg_stat_activity which process holds which lease.
    const client = new pg.Client({ connectionString: this.#options.connectionString, application_name: leaseApplicationName(this.#options.name) });
    // An error on the idle connection ends the lease; the next round notices and drops it.
    client.on('error', () => {
      if (this.#client === client && this.#held) void this.#drop();
    });
    this.#client = client;
    try {
      await client.connect();
    } catch (error) {
      this.#client = null;
      throw error;
    }
    return client;
  }

  async #drop(): Promise<void> {
    const client = this.#client;
    this.#client = null;
    if (this.#held) {
      this.#held = false;
      this.#handlers?.lost();
    }
    await client?.end().catch(() => undefined);
  }
}
