import type { WebhookDelivery, WebhookDeliveryStore } from '../../PublicationStore.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

interface DeliveryRow {
  /** bigint, as text. */
  id: string;
  article_id: string;
  /** bigint, as text. */
  publication_id: string | null;
  event: WebhookDelivery['event'];
  payload: string;
  state: WebhookDelivery['state'];
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const ENQUEUE = `
  INSERT INTO webhook_deliveries (article_id, publication_id, event, payload, state, attempts, next_attempt_at, created_at)
  VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5) RETURNING *`;
const GET = 'SELECT * FROM webhook_deliveries WHERE id = $1';
const DUE = `SELECT * FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2`;
const NEXT = `SELECT min(next_attempt_at) AS at FROM webhook_deliveries WHERE state = 'pending'`;
const DELIVERED = `
  UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, last_status = $2, last_error = NULL,
    delivered_at = $3 WHERE id = $1`;
const FAILED = `
  UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = $2, last_error = $3,
    state = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
    next_attempt_at = coalesce($4::timestamptz, next_attempt_at) WHERE id = $1`;
const FOR_ARTICLE = 'SELECT * FROM webhook_deliveries WHERE article_id = $1 ORDER BY id DESC';

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: Number(row.id),
    articleId: row.article_id,
    publicationId: row.publication_id === null ? null : Number(row.publication_id),
    event: row.event,
    payload: row.payload,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at.toISOString(),
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  };
}

/** WebhookDeliveryStore on PostgreSQL: the queue survives restarts; a delivery is due again until it succeeds or gives up. */
export class PostgresWebhookDeliveryStore implements WebhookDeliveryStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async enqueue(delivery: Pick<WebhookDelivery, 'articleId' | 'publicationId' | 'event' | 'payload' | 'createdAt'>): Promise<WebhookDelivery> {
    const { articleId, publicationId, event, payload, createdAt } = delivery;
    const { rows } = await this.#unit.query<DeliveryRow>(ENQUEUE, [articleId, publicationId, event, payload, createdAt]);
    return toDelivery(rows[0]!);
  }

  async get(id: number): Promise<WebhookDelivery | null> {
    const { rows } = await this.#unit.query<DeliveryRow>(GET, [id]);
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  async due(now: string, limit: number): Promise<WebhookDelivery[]> {
    const { rows } = await this.#unit.query<DeliveryRow>(DUE, [now, limit]);
    return rows.map(toDelivery);
  }

  async nextAttemptAt(): Promise<string | null> {
    const { rows } = await this.#unit.query<{ at: Date | null }>(NEXT);
    return rows[0]?.at?.toISOString() ?? null;
  }

  async markDelivered(id: number, status: number, at: string): Promise<void> {
    await this.#unit.query(DELIVERED, [id, status, at]);
  }

  async markFailed(id: number, result: { status: number | null; error: string; nextAttemptAt: string | null }): Promise<void> {
    await this.#unit.query(FAILED, [id, result.status, result.error, result.nextAttemptAt]);
  }

  async forArticle(articleId: string): Promise<WebhookDelivery[]> {
    const { rows } = await this.#unit.query<DeliveryRow>(FOR_ARTICLE, [articleId]);
    return rows.map(toDelivery);
  }
}
