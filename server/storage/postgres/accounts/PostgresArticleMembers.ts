import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import type { ArticleMembers, StoryPeople } from '../../ArticleMembers.ts';

type Relation = 'creator' | 'assignee' | 'reviewer';

/**
 * First key of the per-story advisory lock a setter takes (`pg_advisory_xact_lock(key, hashtext(id))`),
 * so two servers replacing one story's relation take turns and one list wins, never a mix of both.
 */
export const MEMBERS_LOCK_CLASS = 0x6d656d62; // "memb"

const PEOPLE = `
  SELECT m.relation, u.username FROM article_members m JOIN users u ON u.id = m.user_id
  WHERE m.article_id = $1 ORDER BY lower(u.username) COLLATE "C"`;
const MINE = `
  SELECT DISTINCT article_id FROM article_members WHERE user_id = $1 AND relation IN ('creator', 'assignee')
  ORDER BY article_id`;
const INSERT = `
  INSERT INTO article_members (article_id, user_id, relation)
  SELECT $1, user_id, $2 FROM unnest($3::integer[]) AS given (user_id)
  ON CONFLICT DO NOTHING`;

/** ArticleMembers on PostgreSQL (`article_members`); each setter replaces its relation in one transaction. */
export class PostgresArticleMembers implements ArticleMembers {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async get(articleId: string): Promise<StoryPeople> {
    const { rows } = await this.#unit.query<{ relation: Relation; username: string }>(PEOPLE, [articleId]);
    const people: StoryPeople = { createdBy: null, assignees: [], reviewer: null };
    for (const { relation, username } of rows) {
      if (relation === 'creator') people.createdBy = username;
      else if (relation === 'reviewer') people.reviewer = username;
      else people.assignees.push(username);
    }
    return people;
  }

  setCreator(articleId: string, userId: number): Promise<void> {
    return this.#replace(articleId, 'creator', [userId]);
  }

  setAssignees(articleId: string, userIds: readonly number[]): Promise<void> {
    return this.#replace(articleId, 'assignee', userIds);
  }

  setReviewer(articleId: string, userId: number | null): Promise<void> {
    return this.#replace(articleId, 'reviewer', userId === null ? [] : [userId]);
  }

  async articleIdsOf(userId: number): Promise<string[]> {
    const { rows } = await this.#unit.query<{ article_id: string }>(MINE, [userId]);
    return rows.map((row) => row.article_id);
  }

  /** Inside the caller's transaction when there is one (as a savepoint), else in a transaction of its own. */
  #replace(articleId: string, relation: Relation, userIds: readonly number[]): Promise<void> {
    return this.#unit.transact(async () => {
      await this.#unit.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MEMBERS_LOCK_CLASS, articleId]);
      await this.#unit.query('DELETE FROM article_members WHERE article_id = $1 AND relation = $2', [articleId, relation]);
      if (userIds.length > 0) await this.#unit.query(INSERT, [articleId, relation, [...userIds]]);
    });
  }
}
