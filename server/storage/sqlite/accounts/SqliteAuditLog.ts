import type Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';
import type { AuditAction, AuditEntry, AuditLog, NewAuditEntry } from '../../AuditLog.ts';

interface AuditRow {
  id: number;
  article_id: string | null;
  actor: string;
  action: AuditAction;
  subject: string | null;
  from_value: string | null;
  to_value: string | null;
  note: string | null;
  at: string;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    articleId: row.article_id,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    from: row.from_value,
    to: row.to_value,
    note: row.note,
    at: row.at,
  };
}

/** AuditLog on SQLite: insert-only; nothing here updates or deletes a row. */
export class SqliteAuditLog implements AuditLog {
  readonly #unit: SqliteUnitOfWork;
  readonly #insert: Database.Statement<Record<string, unknown>, AuditRow>;
  readonly #forArticle: Database.Statement<[string], AuditRow>;
  readonly #forSubject: Database.Statement<[string], AuditRow>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#insert = db.prepare(
      `INSERT INTO audit_log (article_id, actor, action, subject, from_value, to_value, note, at)
       VALUES (@articleId, @actor, @action, @subject, @from, @to, @note, @at) RETURNING *`,
    );
    this.#forArticle = db.prepare('SELECT * FROM audit_log WHERE article_id = ? ORDER BY id');
    this.#forSubject = db.prepare('SELECT * FROM audit_log WHERE subject = ? COLLATE NOCASE ORDER BY id');
  }

  append(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.#unit.run(() => {
      const row = this.#insert.get({
        articleId: entry.articleId,
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject ?? null,
        from: entry.from ?? null,
        to: entry.to ?? null,
        note: entry.note ?? null,
        at: entry.at,
      });
      return toEntry(row!);
    });
  }

  forArticle(articleId: string): Promise<AuditEntry[]> {
    return this.#unit.run(() => this.#forArticle.all(articleId).map(toEntry));
  }

  forSubject(username: string): Promise<AuditEntry[]> {
    return this.#unit.run(() => this.#forSubject.all(username).map(toEntry));
  }
}
