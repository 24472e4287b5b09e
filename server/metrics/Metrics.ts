import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ThrottleScope } from '../auth/loginThrottle.ts';
import type { BudgetedKind, RequestBudgetMetrics } from '../http/RequestBudget.ts';
import type { BackupMetrics } from '../backups/BackupSchedule.ts';
import { SIGN_IN_REFUSALS, type SignInMetrics, type SignInRefusal } from '../auth/SignInMetrics.ts';
import { REFUSAL_REASONS, type CollabMetrics, type CommitMetrics, type RefusalReason, type RelayMetrics } from './CollabMetrics.ts';

/** What the open-story and open-socket gauges read when scraped. */
export interface OpenCounts {
  stories(): number;
  sockets(): number;
}

const COMMIT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const RELAY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One server's metrics in its own prom-client Registry (never the global one, so two servers in
 * one process stay apart), with prom-client's default process metrics. The counters the keystroke
 * path bumps are plain numbers, read into prom-client only when scraped.
 */
export class Metrics implements CollabMetrics, CommitMetrics, RelayMetrics, SignInMetrics, RequestBudgetMetrics, BackupMetrics {
  readonly registry = new Registry();
  #accepted = 0;
  #heldBack = 0;
  readonly #refused = new Map<RefusalReason, number>(REFUSAL_REASONS.map((reason) => [reason, 0]));
  #open: OpenCounts | null = null;
  readonly #commitSeconds: Histogram;
  readonly #failedCommits: Counter;
  readonly #fellBehind: Counter;
  readonly #answersHeldBack: Counter;
  readonly #relayLag: Histogram;
  readonly #signInRefusals: Counter<'reason'>;
  readonly #signInLocks: Counter<'scope'>;
  readonly #overBudget: Counter<'kind'>;
  readonly #backups: Counter<'result'>;
  readonly #lastBackup: Gauge;

  constructor() {
    const registers = [this.registry];
    const self = this;
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'copydesk_open_stories',
      help: 'Stories held in memory (open, loading, or waiting to be unloaded).',
      registers,
      collect() {
        this.set(self.#open?.stories() ?? 0);
      },
    });
    new Gauge({
      name: 'copydesk_open_sockets',
      help: 'Collaboration WebSockets open.',
      registers,
      collect() {
        this.set(self.#open?.sockets() ?? 0);
      },
    });
    new Counter({
      name: 'copydesk_client_updates_accepted_total',
      help: 'Client document updates that changed a story and joined the commit queue.',
      registers,
      collect() {
        this.reset();
        this.inc(self.#accepted);
      },
    });
    new Counter({
      name: 'copydesk_client_updates_refused_total',
      help: 'Client document updates refused, by reason (undone, or dropped from a read-only socket).',
      labelNames: ['reason'],
      registers,
      collect() {
        this.reset();
        for (const [reason, count] of self.#refused) this.inc({ reason }, count);
      },
    });
    new Counter({
      name: 'copydesk_awareness_held_back_total',
      help: 'Awareness updates over the per-socket rate, held back until a token is free (newest state kept).',
      registers,
      collect() {
        this.reset();
        this.inc(self.#heldBack);
      },
    });
    this.#commitSeconds = new Histogram({
      name: 'copydesk_commit_duration_seconds',
      help: 'Time to store one grouped commit of accepted updates.',
      buckets: COMMIT_BUCKETS,
      registers,
    });
    this.#fellBehind = new Counter({
      name: 'copydesk_sockets_fell_behind_total',
      help: 'Collaboration sockets closed because their browser did not read what it was sent (MAX_SOCKET_BUFFER_BYTES).',
      registers,
    });
    this.#answersHeldBack = new Counter({
      name: 'copydesk_sync_answers_held_back_total',
      help: 'Sync replies that waited because their account was over SYNC_ANSWER_BYTES_PER_SECOND.',
      registers,
    });
    this.#failedCommits = new Counter({
      name: 'copydesk_commits_failed_total',
      help: 'Grouped commits that failed (their updates stay queued and are retried).',
      registers,
    });
    this.#relayLag = new Histogram({
      name: 'copydesk_relay_lag_seconds',
      help: "Time from another server's publish of a document update to its delivery here (wall clocks of both servers).",
      buckets: RELAY_BUCKETS,
      registers,
    });
    this.#signInRefusals = new Counter({
      name: 'copydesk_sign_in_refusals_total',
      help: 'Sign-ins refused, by reason: invalid_credentials (401) or throttled (429).',
      labelNames: ['reason'],
      registers,
    });
    for (const reason of SIGN_IN_REFUSALS) this.#signInRefusals.inc({ reason }, 0);
    this.#signInLocks = new Counter({
      name: 'copydesk_sign_in_locks_total',
      help: 'Sign-in locks started, by scope: pair (one account from one address) or address (every account).',
      labelNames: ['scope'],
      registers,
    });
    for (const scope of ['pair', 'address'] as const) this.#signInLocks.inc({ scope }, 0);
    this.#overBudget = new Counter({
      name: 'copydesk_requests_over_budget_total',
      help: 'Requests (api) and collaboration handshakes (socket) refused with 429 because their account was over REQUEST_BUDGET_POINTS.',
      labelNames: ['kind'],
      registers,
    });
    for (const kind of ['api', 'socket'] as const) this.#overBudget.inc({ kind }, 0);
    this.#backups = new Counter({
      name: 'copydesk_backups_total',
      help: 'Backups of the SQLite database (BACKUP_DIR), by result: written (whole and checked) or failed.',
      labelNames: ['result'],
      registers,
    });
    for (const result of ['written', 'failed'] as const) this.#backups.inc({ result }, 0);
    this.#lastBackup = new Gauge({
      name: 'copydesk_backup_last_written_timestamp_seconds',
      help: 'When the newest backup written by this server began (Unix time); 0 before the first.',
      registers,
    });
    this.#lastBackup.set(0);
  }

  /** Where the open-story and open-socket gauges read their values (set once the server is wired). */
  watchOpen(counts: OpenCounts): void {
    this.#open = counts;
  }

  updateAccepted(): void {
    this.#accepted++;
  }

  updateRefused(reason: RefusalReason): void {
    this.#refused.set(reason, (this.#refused.get(reason) ?? 0) + 1);
  }

  awarenessHeldBack(): void {
    this.#heldBack++;
  }

  socketFellBehind(): void {
    this.#fellBehind.inc();
  }

  answerHeldBack(): void {
    this.#answersHeldBack.inc();
  }

  backupWritten(at: Date): void {
    this.#backups.inc({ result: 'written' });
    this.#lastBackup.set(at.getTime() / 1000);
  }

  backupFailed(): void {
    this.#backups.inc({ result: 'failed' });
  }

  committed(seconds: number): void {
    this.#commitSeconds.observe(seconds);
  }

  commitFailed(): void {
    this.#failedCommits.inc();
  }

  relayed(lagSeconds: number): void {
    // Clocks of two machines: a lag below zero is skew, not news from the future.
    this.#relayLag.observe(Math.max(0, lagSeconds));
  }

  signInRefused(reason: SignInRefusal): void {
    this.#signInRefusals.inc({ reason });
  }

  signInLocked(scope: ThrottleScope): void {
    this.#signInLocks.inc({ scope });
  }

  requestRefused(kind: BudgetedKind): void {
    this.#overBudget.inc({ kind });
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** The Content-Type of `text()`. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
