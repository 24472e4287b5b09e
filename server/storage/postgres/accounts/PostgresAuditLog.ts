import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import type { AuditAction, AuditEntry, AuditLog, NewAuditEntry } from '../../AuditLog.ts';

interface AuditRow {
  /** bigint, as text. */
  id: string;
  article_id: string | null;
  actor: string;
  action: AuditAction;
  subject: string | null;
  from_value: string | null;
  to_value: string | null;
  note: string | null;
  at: Date;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    articleId: row.article_id,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    from: row.from_value,
    to: row.to_value,
    note: row.note,
    at: row.at.toISOString(),
  };
}

const INSERT = `
  INSERT INTO audit_log (article_id, actor, action, subject, from_value, to_value, note, at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`;

/** AuditLog on PostgreSQL: insert-only; nothing here updates or deletes a row. "Oldest first" is id order. */
export class PostgresAuditLog implements AuditLog {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    const { rows } = await this.#unit.query<AuditRow>(INSERT, [
      entry.articleId,
      entry.actor,
      entry.action,
      entry.subject ?? null,
      entry.from ?? null,
      entry.to ?? null,
      entry.note ?? null,
      entry.at,
    ]);
    return toEntry(rows[0]!);
  }

  async forArticle(articleId: string): Promise<AuditEntry[]> {
    const { rows } = await this.#unit.query<AuditRow>('SELECT * FROM audit_log WHERE article_id = $1 ORDER BY id', [articleId]);
    return rows.map(toEntry);
  }

  async forSubject(username: string): Promise<AuditEntry[]> {
    const { rows } = await this.#unit.query<AuditRow>('SELECT * FROM audit_log WHERE lower(subject) = lower($1) ORDER BY id', [username]);
    return rows.map(toEntry);
  }
}
