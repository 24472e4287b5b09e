import type { ScheduleStore } from '../storage/PublicationStore.ts';
import type { Logger } from '../log.ts';
import { MAX_TIMER_MS, type Clock, type Timers } from './Clock.ts';
import type { PublishResult } from './publishArticle.ts';

/** What the scheduler needs: the stored schedules, time, and the publish command bound to its deps. */
export interface SchedulerDeps {
  schedule: ScheduleStore;
  clock: Clock;
  timers: Timers;
  publish(articleId: string, by: string): Promise<PublishResult>;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/**
 * Publishes scheduled stories when their time comes. Schedules live in the database, so `start()`
 * after a restart publishes whatever fell due while the server was down, then waits for the next.
 * A scheduled publication that is refused (problems, not approved) is cleared with its reason,
 * which editors see on the story; it is not retried.
 */
export class Scheduler {
  readonly #deps: SchedulerDeps;
  #timer: unknown = null;
  #running = false;
  /** The tick under way (ticks run one at a time), resolved once it is done. */
  #ticking: Promise<void> = Promise.resolve();

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#running = true;
    void this.#tick();
  }

  /** Call after a schedule was set or cleared, so the next wake-up is right. */
  reschedule(): void {
    if (this.#running) void this.#tick();
  }

  stop(): void {
    this.#running = false;
    if (this.#timer !== null) this.#deps.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Resolves once the tick under way (if any) is done: wait for it before closing the database. */
  get settled(): Promise<void> {
    return this.#ticking;
  }

  /** Publishes every due story now; resolves with the article ids it published. */
  async runDue(): Promise<string[]> {
    const { schedule, clock, publish, log } = this.#deps;
    const published: string[] = [];
    for (const due of await schedule.due(clock.now().toISOString())) {
      let result: PublishResult;
      try {
        result = await publish(due.articleId, due.setBy);
      } catch (error) {
        result = { ok: false, reason: 'invalid', message: error instanceof Error ? error.message : String(error) };
      }
      // publishArticle clears publishAt itself on success; a refusal is cleared here with its reason.
      if (result.ok) {
        published.push(due.articleId);
        log?.info('scheduled story published', { articleId: due.articleId, version: result.publication.version });
      } else {
        await schedule.finish(due.articleId, result.message, clock.now().toISOString());
        log?.warn('scheduled publication refused', { articleId: due.articleId, reason: result.message });
      }
    }
    return published;
  }

  /** Runs a tick after the one under way; resolves when it is done (never rejects: failures are logged). */
  #tick(): Promise<void> {
    this.#ticking = this.#ticking.then(() =>
      this.#tickNow().catch((error: unknown) => this.#deps.log?.error('running the publication schedule failed', { error })),
    );
    return this.#ticking;
  }

  async #tickNow(): Promise<void> {
    if (this.#timer !== null) this.#deps.timers.clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#running) return;
    await this.runDue();
    const next = await this.#deps.schedule.nextPublishAt();
    if (this.#timer !== null) this.#deps.timers.clearTimeout(this.#timer);
    this.#timer = null;
    if (next === null || !this.#running) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(next) - this.#deps.clock.now().getTime()));
    this.#timer = this.#deps.timers.setTimeout(() => {
      this.#timer = null;
      void this.#tick();
    }, delay);
  }
}
