import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { SqliteArticleMembers } from './SqliteArticleMembers.ts';
import { SqliteUserStore } from './SqliteUserStore.ts';
import { openTestDatabase } from './testDatabase.ts';

let db: Database.Database;
let close: () => void;
let members: SqliteArticleMembers;
const ids: Record<string, number> = {};

function insertArticle(id: string): void {
  const now = '2025-01-01T00:00:00.000Z';
  db.prepare('INSERT INTO articles (id, headline, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, id, now, now);
}

beforeEach(async () => {
  ({ db, close } = openTestDatabase());
  const users = new SqliteUserStore(db);
  for (const [name, role] of [['ana', 'reporter'], ['bo', 'reporter'], ['ed', 'editor']] as const) {
    ids[name] = (await users.create({ username: name, displayName: name, role, passwordHash: 'h', color: '#000000', createdAt: '2025-01-01T00:00:00.000Z' })).id;
  }
  members = new SqliteArticleMembers(db);
  insertArticle('s1');
  insertArticle('s2');
});
afterEach(() => close());

describe('SqliteArticleMembers', () => {
  it('reports an unowned story as nobody’s', async () => {
    expect(await members.get('s1')).toEqual({ createdBy: null, assignees: [], reviewer: null });
  });

  it('stores creator, assignees and reviewer, replacing each on set', async () => {
    await members.setCreator('s1', ids.ana!);
    await members.setAssignees('s1', [ids.bo!, ids.ana!]);
    await members.setReviewer('s1', ids.ed!);
    expect(await members.get('s1')).toEqual({ createdBy: 'ana', assignees: ['ana', 'bo'], reviewer: 'ed' });
    await members.setAssignees('s1', [ids.bo!]);
    await members.setReviewer('s1', null);
    expect(await members.get('s1')).toEqual({ createdBy: 'ana', assignees: ['bo'], reviewer: null });
  });

  it('lists the stories a user created or is assigned to, not those they review', async () => {
    await members.setCreator('s1', ids.ana!);
    await members.setAssignees('s2', [ids.ana!, ids.bo!]);
    await members.setReviewer('s2', ids.ed!);
    expect((await members.articleIdsOf(ids.ana!)).sort()).toEqual(['s1', 's2']);
    expect(await members.articleIdsOf(ids.bo!)).toEqual(['s2']);
    expect(await members.articleIdsOf(ids.ed!)).toEqual([]);
  });

  it('forgets the people of a deleted story', async () => {
    await members.setCreator('s1', ids.ana!);
    db.prepare('DELETE FROM articles WHERE id = ?').run('s1');
    expect(await members.articleIdsOf(ids.ana!)).toEqual([]);
  });

  it('refuses an unknown story or user', async () => {
    await expect(members.setCreator('nope', ids.ana!)).rejects.toThrow(/FOREIGN KEY/);
    await expect(members.setAssignees('s1', [9999])).rejects.toThrow(/FOREIGN KEY/);
  });
});
