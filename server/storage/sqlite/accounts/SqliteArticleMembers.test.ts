import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { articleMembersContract } from '../../articleMembersContract.ts';
import { sqliteUnitOf } from '../SqliteUnitOfWork.ts';
import { SqliteArticleMembers } from './SqliteArticleMembers.ts';
import { SqliteUserStore } from './SqliteUserStore.ts';
import { openTestDatabase } from './testDatabase.ts';

function insertArticle(db: Database.Database, id: string): void {
  const now = '2025-01-01T00:00:00.000Z';
  db.prepare('INSERT INTO articles (id, headline, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, id, now, now);
}

async function createUser(db: Database.Database, username: string): Promise<number> {
  const user = { username, displayName: username, role: 'reporter' as const, passwordHash: 'h', color: '#000000', createdAt: '2025-01-01T00:00:00.000Z' };
  return (await new SqliteUserStore(db).create(user)).id;
}

articleMembersContract('SQLite', () => {
  const { db, close } = openTestDatabase();
  const users = new SqliteUserStore(db);
  return {
    store: new SqliteArticleMembers(db),
    ensureUser: async (username, role) =>
      (await users.create({ username, displayName: username, role, passwordHash: 'h', color: '#000000', createdAt: '2025-01-01T00:00:00.000Z' })).id,
    ensureArticle: (id) => insertArticle(db, id),
    transact: (fn) => sqliteUnitOf(db).transact(fn),
    close,
  };
});

describe('SqliteArticleMembers', () => {
  let db: Database.Database;
  let close: () => void;
  let members: SqliteArticleMembers;
  let ana: number;

  beforeEach(async () => {
    ({ db, close } = openTestDatabase());
    members = new SqliteArticleMembers(db);
    ana = await createUser(db, 'ana');
    insertArticle(db, 's1');
  });
  afterEach(() => close());

  it('forgets the people of a deleted story', async () => {
    await members.setCreator('s1', ana);
    db.prepare('DELETE FROM articles WHERE id = ?').run('s1');
    expect(await members.articleIdsOf(ana)).toEqual([]);
  });

  it('refuses an unknown story', async () => {
    await expect(members.setCreator('nope', ana)).rejects.toThrow(/FOREIGN KEY/);
  });
});
