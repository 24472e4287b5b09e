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

beforeEach(() => {
  ({ db, close } = openTestDatabase());
  const users = new SqliteUserStore(db);
  for (const [name, role] of [['ana', 'reporter'], ['bo', 'reporter'], ['ed', 'editor']] as const) {
    ids[name] = users.create({ username: name, displayName: name, role, passwordHash: 'h', color: '#000000', createdAt: '2025-01-01T00:00:00.000Z' }).id;
  }
  members = new SqliteArticleMembers(db);
  insertArticle('s1');
  insertArticle('s2');
});
afterEach(() => close());

describe('SqliteArticleMembers', () => {
  it('reports an unowned story as nobody’s', () => {
    expect(members.get('s1')).toEqual({ createdBy: null, assignees: [], reviewer: null });
  });

  it('stores creator, assignees and reviewer, replacing each on set', () => {
    members.setCreator('s1', ids.ana!);
    members.setAssignees('s1', [ids.bo!, ids.ana!]);
    members.setReviewer('s1', ids.ed!);
    expect(members.get('s1')).toEqual({ createdBy: 'ana', assignees: ['ana', 'bo'], reviewer: 'ed' });
    members.setAssignees('s1', [ids.bo!]);
    members.setReviewer('s1', null);
    expect(members.get('s1')).toEqual({ createdBy: 'ana', assignees: ['bo'], reviewer: null });
  });

  it('lists the stories a user created or is assigned to, not those they review', () => {
    members.setCreator('s1', ids.ana!);
    members.setAssignees('s2', [ids.ana!, ids.bo!]);
    members.setReviewer('s2', ids.ed!);
    expect(members.articleIdsOf(ids.ana!).sort()).toEqual(['s1', 's2']);
    expect(members.articleIdsOf(ids.bo!)).toEqual(['s2']);
    expect(members.articleIdsOf(ids.ed!)).toEqual([]);
  });

  it('forgets the people of a deleted story', () => {
    members.setCreator('s1', ids.ana!);
    db.prepare('DELETE FROM articles WHERE id = ?').run('s1');
    expect(members.articleIdsOf(ids.ana!)).toEqual([]);
  });

  it('refuses an unknown story or user', () => {
    expect(() => members.setCreator('nope', ids.ana!)).toThrow(/FOREIGN KEY/);
    expect(() => members.setAssignees('s1', [9999])).toThrow(/FOREIGN KEY/);
  });
});
