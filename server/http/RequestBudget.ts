import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** What a request was charged for: an API request, or a collaboration handshake. */
export type BudgetedKind = 'api' | 'socket';

/** What the budget tells the metrics: each request or handshake it refused. */
export interface RequestBudgetMetrics {
  requestRefused(kind: BudgetedKind): void;
}

/** What spending from a budget answered. */
export type Spent =
  | { ok: true }
  | {
      ok: false;
      /** How long until the window ends and the account may ask again, in ms. */
      retryAfterMs: number;
      /** Whether this is the account's first refusal in this window (log it once, not per request). */
      first: boolean;
    };

/**
 * How much one account may ask of the server: `points` per `windowSeconds`, each request costing
 * its `requestCost`, each collaboration handshake one point. Past it, the account's requests are
 * refused (429 with Retry-After) until the window ends, so a script with a colleague's session
 * cannot keep the server rendering exports or opening sockets for it while others type.
 * Held by rate-limiter-flexible: in this server's memory, or in Redis when servers share stories
 * (`connectRedisRequestBudget`), where every server spends from one budget per account.
 */
export class RequestBudget {
  readonly points: number;
  readonly windowSeconds: number;
  readonly #limiter: RateLimiterAbstract;
  readonly #close: () => void;
  #metrics: RequestBudgetMetrics | null = null;

  constructor(limiter: RateLimiterAbstract, close: () => void = () => {}) {
    this.#limiter = limiter;
    this.points = limiter.points;
    this.windowSeconds = limiter.duration;
    this.#close = close;
  }

  /** A budget kept in this server's memory. */
  static inMemory(points: number, windowSeconds: number): RequestBudget {
    return new RequestBudget(new RateLimiterMemory({ points, duration: windowSeconds }));
  }

  /** Where refusals are counted. */
  countRefusals(metrics: RequestBudgetMetrics | null): this {
    this.#metrics = metrics;
    return this;
  }

  /**
   * Spends `cost` points of `accountId`'s budget (at most the whole budget: a budget set below a
   * heavy request's cost still lets one through per window). A refused request is counted too: an
   * account that keeps asking stays refused until the window ends. Rejects only when the store
   * cannot answer (a Redis budget falls back to this server's memory first).
   */
  async spend(accountId: number, cost: number, kind: BudgetedKind): Promise<Spent> {
    cost = Math.min(cost, this.points);
    try {
      await this.#limiter.consume(String(accountId), cost);
      return { ok: true };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      this.#metrics?.requestRefused(kind);
      return { ok: false, retryAfterMs: refusal.msBeforeNext, first: refusal.consumedPoints - cost <= this.points };
    }
  }

  /** Lets go of the store's connection (a Redis budget's). */
  close(): void {
    this.#close();
  }
}
