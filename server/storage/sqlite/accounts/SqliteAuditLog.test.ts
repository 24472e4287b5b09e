import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { SqliteAuditLog } from './SqliteAuditLog.ts';
import { openTestDatabase } from './testDatabase.ts';

let db: Database.Database;
let close: () => void;
let audit: SqliteAuditLog;

beforeEach(() => {
  ({ db, close } = openTestDatabase());
  audit = new SqliteAuditLog(db);
});
afterEach(() => close());

describe('SqliteAuditLog', () => {
  it('appends entries and returns a story’s log oldest first', async () => {
    const first = await audit.append({ articleId: 'a1', actor: 'ana', action: 'transition', from: 'draft', to: 'in_review', at: '2025-01-01T10:00:00.000Z' });
    await audit.append({ articleId: 'a2', actor: 'bo', action: 'assign', subject: 'cy', at: '2025-01-01T10:01:00.000Z' });
    const back = await audit.append({
      articleId: 'a1',
      actor: 'ed',
      action: 'transition',
      from: 'in_review',
      to: 'draft',
      note: 'Needs a second source.',
      at: '2025-01-01T11:00:00.000Z',
    });
    expect(first).toMatchObject({ articleId: 'a1', subject: null, note: null, from: 'draft', to: 'in_review' });
    expect(await audit.forArticle('a1')).toEqual([first, back]);
    expect(await audit.forArticle('missing')).toEqual([]);
  });

  it('records account changes with no story and finds them by subject in any case', async () => {
    const entry = await audit.append({ articleId: null, actor: 'admin', action: 'role_change', subject: 'Ana', from: 'reporter', to: 'editor', at: '2025-01-02T00:00:00.000Z' });
    expect(await audit.forSubject('ana')).toEqual([entry]);
    expect(entry.articleId).toBeNull();
  });
});
