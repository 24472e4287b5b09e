import type Database from 'better-sqlite3';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';
import type { ArticleMembers, StoryPeople } from '../../ArticleMembers.ts';

type Relation = 'creator' | 'assignee' | 'reviewer';

/** ArticleMembers on SQLite (`article_members`); each setter replaces its relation in one transaction. */
export class SqliteArticleMembers implements ArticleMembers {
  readonly #unit: SqliteUnitOfWork;
  readonly #people: Database.Statement<[string], { relation: Relation; username: string }>;
  readonly #mine: Database.Statement<[number], { article_id: string }>;
  readonly #replace: (articleId: string, relation: Relation, userIds: readonly number[]) => void;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#people = db.prepare(
      `SELECT m.relation, u.username FROM article_members m JOIN users u ON u.id = m.user_id
       WHERE m.article_id = ? ORDER BY u.username COLLATE NOCASE`,
    );
    this.#mine = db.prepare(
      `SELECT DISTINCT article_id FROM article_members WHERE user_id = ? AND relation IN ('creator', 'assignee')`,
    );
    const clear = db.prepare('DELETE FROM article_members WHERE article_id = ? AND relation = ?');
    const insert = db.prepare('INSERT OR IGNORE INTO article_members (article_id, user_id, relation) VALUES (?, ?, ?)');
    this.#replace = db.transaction((articleId: string, relation: Relation, userIds: readonly number[]) => {
      clear.run(articleId, relation);
      for (const id of userIds) insert.run(articleId, id, relation);
    });
  }

  get(articleId: string): Promise<StoryPeople> {
    return this.#unit.run(() => {
      const people: StoryPeople = { createdBy: null, assignees: [], reviewer: null };
      for (const { relation, username } of this.#people.all(articleId)) {
        if (relation === 'creator') people.createdBy = username;
        else if (relation === 'reviewer') people.reviewer = username;
        else people.assignees.push(username);
      }
      return people;
    });
  }

  setCreator(articleId: string, userId: number): Promise<void> {
    return this.#unit.run(() => {
      this.#replace(articleId, 'creator', [userId]);
    });
  }

  setAssignees(articleId: string, userIds: readonly number[]): Promise<void> {
    return this.#unit.run(() => {
      this.#replace(articleId, 'assignee', userIds);
    });
  }

  setReviewer(articleId: string, userId: number | null): Promise<void> {
    return this.#unit.run(() => {
      this.#replace(articleId, 'reviewer', userId === null ? [] : [userId]);
    });
  }

  articleIdsOf(userId: number): Promise<string[]> {
    return this.#unit.run(() => this.#mine.all(userId).map((r) => r.article_id));
  }
}
