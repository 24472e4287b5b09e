import type { Logger } from '../log.ts';
import type { WebhookDelivery as Delivery, WebhookDeliveryStore } from '../storage/PublicationStore.ts';
import { MAX_TIMER_MS, type Clock, type Timers } from './Clock.ts';
import { signWebhookBody } from './signWebhookBody.ts';

/** Header carrying `sha256=<hex HMAC-SHA256 of the body>`. */
export const SIGNATURE_HEADER = 'X-Copydesk-Signature';
/** Header carrying the event: publish, update or unpublish. */
export const EVENT_HEADER = 'X-Copydesk-Event';
/** Header carrying the delivery id: the same on every retry, so receivers can drop duplicates. */
export const DELIVERY_HEADER = 'X-Copydesk-Delivery';

/** How often and how long a failed delivery is retried. */
export interface RetryPolicy {
  /** Wait before the first retry; doubled after each failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts in all; after the last failure the delivery is marked failed. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({ baseDelayMs: 5_000, maxDelayMs: 3_600_000, maxAttempts: 12 });

export interface WebhookDelivererDeps {
  store: WebhookDeliveryStore;
  /** PUBLISH_WEBHOOK_URL. */
  url: string;
  /** PUBLISH_WEBHOOK_SECRET. */
  secret: string;
  clock: Clock;
  timers: Timers;
  retry?: RetryPolicy;
  /** Per-attempt timeout, in ms. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  log?: Pick<Logger, 'info' | 'warn'>;
}

/** Wait after `attempts` failed attempts: base · 2^(attempts-1), capped. */
export function retryDelay(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends queued deliveries to the site's webhook: POST of the stored ninjs, signed with HMAC-SHA256,
 * retried with exponential backoff. The queue is in the database, so a restart resumes it; a
 * delivery is only marked delivered after a 2xx answer (receivers may see one twice, never zero
 * times). Publishing only queues: a slow or failing webhook never delays or undoes a publication.
 */
export class WebhookDeliverer {
  readonly #deps: WebhookDelivererDeps;
  readonly #retry: RetryPolicy;
  readonly #fetch: typeof globalThis.fetch;
  #timer: unknown = null;
  #running = false;
  #draining: Promise<void> | null = null;
  #again = false;

  constructor(deps: WebhookDelivererDeps) {
    this.#deps = deps;
    this.#retry = deps.retry ?? DEFAULT_RETRY;
    this.#fetch = deps.fetch ?? globalThis.fetch;
  }

  start(): void {
    this.#running = true;
    this.kick();
  }

  /** Sends whatever is due now (call after queueing a delivery). Resolves when the queue has been worked through. */
  kick(): Promise<void> {
    if (!this.#running) return Promise.resolve();
    if (this.#draining) {
      this.#again = true;
      return this.#draining;
    }
    this.#draining = this.#drain();
    return this.#draining;
  }

  /** Stops waking up and waits for an attempt in flight. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer !== null) this.#deps.timers.clearTimeout(this.#timer);
    this.#timer = null;
    await this.#draining;
  }

  async #drain(): Promise<void> {
    // Yield first so `kick` has stored this promise before the body can finish and clear it.
    await Promise.resolve();
    try {
      do {
        this.#again = false;
        for (;;) {
          const due = await this.#deps.store.due(this.#deps.clock.now().toISOString(), 20);
          if (due.length === 0 || !this.#running) break;
          for (const delivery of due) {
            if (!this.#running) break;
            await this.#attempt(delivery);
          }
        }
      } while (this.#again && this.#running);
    } finally {
      // Cleared in the same tick as the last check of #again, so no kick falls between them.
      this.#draining = null;
    }
    await this.#arm();
  }

  async #arm(): Promise<void> {
    const next = await this.#deps.store.nextAttemptAt();
    // Cleared after the read: of two arms reading at once, the later one's timer is the one kept.
    if (this.#timer !== null) this.#deps.timers.clearTimeout(this.#timer);
    this.#timer = null;
    if (next === null || !this.#running) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(next) - this.#deps.clock.now().getTime()));
    this.#timer = this.#deps.timers.setTimeout(() => {
      this.#timer = null;
      void this.kick();
    }, delay);
  }

  async #attempt(delivery: Delivery): Promise<void> {
    const { store, url, secret, clock, log } = this.#deps;
    let status: number | null = null;
    let error: string;
    try {
      const response = await this.#fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [SIGNATURE_HEADER]: signWebhookBody(delivery.payload, secret),
          [EVENT_HEADER]: delivery.event,
          [DELIVERY_HEADER]: String(delivery.id),
          'User-Agent': 'Copydesk-Webhook',
        },
        body: delivery.payload,
        redirect: 'error',
        signal: AbortSignal.timeout(this.#deps.timeoutMs ?? 10_000),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) {
        await store.markDelivered(delivery.id, status, clock.now().toISOString());
        log?.info('webhook delivered', { id: delivery.id, event: delivery.event, status });
        return;
      }
      error = `HTTP ${status}`;
    } catch (cause) {
      error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    }
    const attempts = delivery.attempts + 1;
    const nextAttemptAt =
      attempts >= this.#retry.maxAttempts ? null : new Date(clock.now().getTime() + retryDelay(attempts, this.#retry)).toISOString();
    await store.markFailed(delivery.id, { status, error, nextAttemptAt });
    log?.warn(nextAttemptAt ? 'webhook failed, will retry' : 'webhook failed, giving up', { id: delivery.id, attempts, error });
  }
}
