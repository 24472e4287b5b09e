import type Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';
import type { WebhookDelivery, WebhookDeliveryStore } from '../../PublicationStore.ts';

interface DeliveryRow {
  id: number;
  article_id: string;
  publication_id: number | null;
  event: WebhookDelivery['event'];
  payload: string;
  state: WebhookDelivery['state'];
  attempts: number;
  next_attempt_at: string;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    articleId: row.article_id,
    publicationId: row.publication_id,
    event: row.event,
    payload: row.payload,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

/** WebhookDeliveryStore on SQLite: the queue survives restarts; a delivery is due again until it succeeds or gives up. */
export class SqliteWebhookDeliveryStore implements WebhookDeliveryStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #enqueue: Database.Statement<Record<string, unknown>, DeliveryRow>;
  readonly #get: Database.Statement<[number], DeliveryRow>;
  readonly #due: Database.Statement<[string, number], DeliveryRow>;
  readonly #next: Database.Statement<[], { at: string | null }>;
  readonly #delivered: Database.Statement<[number, string, number]>;
  readonly #failed: Database.Statement<Record<string, unknown>>;
  readonly #forArticle: Database.Statement<[string], DeliveryRow>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#enqueue = db.prepare(
      `INSERT INTO webhook_deliveries (article_id, publication_id, event, payload, state, attempts, next_attempt_at, created_at)
       VALUES (@articleId, @publicationId, @event, @payload, 'pending', 0, @createdAt, @createdAt) RETURNING *`,
    );
    this.#get = db.prepare('SELECT * FROM webhook_deliveries WHERE id = ?');
    this.#due = db.prepare(
      `SELECT * FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
    );
    this.#next = db.prepare(`SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries WHERE state = 'pending'`);
    this.#delivered = db.prepare(
      `UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, last_status = ?, last_error = NULL,
       delivered_at = ? WHERE id = ?`,
    );
    this.#failed = db.prepare(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = @status, last_error = @error,
       state = CASE WHEN @nextAttemptAt IS NULL THEN 'failed' ELSE 'pending' END,
       next_attempt_at = COALESCE(@nextAttemptAt, next_attempt_at) WHERE id = @id`,
    );
    this.#forArticle = db.prepare('SELECT * FROM webhook_deliveries WHERE article_id = ? ORDER BY id DESC');
  }

  enqueue(delivery: Pick<WebhookDelivery, 'articleId' | 'publicationId' | 'event' | 'payload' | 'createdAt'>): Promise<WebhookDelivery> {
    return this.#unit.run(() => toDelivery(this.#enqueue.get({ ...delivery })!));
  }

  get(id: number): Promise<WebhookDelivery | null> {
    return this.#unit.run(() => {
      const row = this.#get.get(id);
      return row ? toDelivery(row) : null;
    });
  }

  due(now: string, limit: number): Promise<WebhookDelivery[]> {
    return this.#unit.run(() => this.#due.all(now, limit).map(toDelivery));
  }

  nextAttemptAt(): Promise<string | null> {
    return this.#unit.run(() => this.#next.get()?.at ?? null);
  }

  markDelivered(id: number, status: number, at: string): Promise<void> {
    return this.#unit.run(() => {
      this.#delivered.run(status, at, id);
    });
  }

  markFailed(id: number, result: { status: number | null; error: string; nextAttemptAt: string | null }): Promise<void> {
    return this.#unit.run(() => {
      this.#failed.run({ id, ...result });
    });
  }

  forArticle(articleId: string): Promise<WebhookDelivery[]> {
    return this.#unit.run(() => this.#forArticle.all(articleId).map(toDelivery));
  }
}
