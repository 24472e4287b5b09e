import type { ScheduleStore } from '../storage/PublicationStore.ts';
import type { Logger } from '../log.ts';
import { MAX_TIMER_MS, type Clock, type Timers } from './Clock.ts';
import type { PublishResult } from './publishArticle.ts';

/** What the scheduler needs: the stored schedules, time, and the publish command bound to its deps. */
export interface SchedulerDeps {
  schedule: ScheduleStore;
  clock: Clock;
  timers: Timers;
  publish(articleId: string, by: string): PublishResult;
  log?: Pick<Logger, 'info' | 'warn'>;
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

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#running = true;
    this.#tick();
  }

  /** Call after a schedule was set or cleared, so the next wake-up is right. */
  reschedule(): void {
    if (this.#running) this.#tick();
  }

  stop(): void {
    this.#running = false;
    if (this.#timer !== null) this.#deps.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Publishes every due story now; returns the article ids it published. */
  runDue(): string[] {
    const { schedule, clock, publish, log } = this.#deps;
    const published: string[] = [];
    for (const due of schedule.due(clock.now().toISOString())) {
      let result: PublishResult;
      try {
        result = publish(due.articleId, due.setBy);
      } catch (error) {
        result = { ok: false, reason: 'invalid', message: error instanceof Error ? error.message : String(error) };
      }
      // publishArticle clears publishAt itself on success; a refusal is cleared here with its reason.
      if (result.ok) {
        published.push(due.articleId);
        log?.info('scheduled story published', { articleId: due.articleId, version: result.publication.version });
      } else {
        schedule.finish(due.articleId, result.message, clock.now().toISOString());
        log?.warn('scheduled publication refused', { articleId: due.articleId, reason: result.message });
      }
    }
    return published;
  }

  #tick(): void {
    if (this.#timer !== null) this.#deps.timers.clearTimeout(this.#timer);
    this.#timer = null;
    this.runDue();
    const next = this.#deps.schedule.nextPublishAt();
    if (next === null || !this.#running) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(next) - this.#deps.clock.now().getTime()));
    this.#timer = this.#deps.timers.setTimeout(() => {
      this.#timer = null;
      this.#tick();
    }, delay);
  }
}
