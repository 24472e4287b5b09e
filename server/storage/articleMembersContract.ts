import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.ts';
import type { ArticleMembers } from './ArticleMembers.ts';
import type { UnitOfWork } from './UnitOfWork.ts';

/** What an ArticleMembers implementation gives the contract suite. */
export interface ArticleMembersHarness {
  store: ArticleMembers;
  /** Creates an account and returns its id. */
  ensureUser(username: string, role: Role): Promise<number>;
  /** Makes `articleId` a story people may be attached to (e.g. inserts its row). */
  ensureArticle(articleId: string): void | Promise<void>;
  /** The transactions of the store's database; store calls awaited inside join them. */
  transact: UnitOfWork['transact'];
  /** Releases the store's resources. */
  close(): void | Promise<void>;
}

/** Runs the ArticleMembers contract against any implementation; every backend must pass it. */
export function articleMembersContract(name: string, createHarness: () => ArticleMembersHarness | Promise<ArticleMembersHarness>): void {
  describe(`ArticleMembers contract: ${name}`, () => {
    let harness: ArticleMembersHarness;
    let members: ArticleMembers;
    const ids: Record<string, number> = {};

    beforeEach(async () => {
      harness = await createHarness();
      members = harness.store;
      for (const [username, role] of [['ana', 'reporter'], ['bo', 'reporter'], ['ed', 'editor']] as const) {
        ids[username] = await harness.ensureUser(username, role);
      }
      await harness.ensureArticle('s1');
      await harness.ensureArticle('s2');
    });
    afterEach(() => harness.close());

    it('reports an unowned story as nobody’s', async () => {
      expect(await members.get('s1')).toEqual({ createdBy: null, assignees: [], reviewer: null });
      expect(await members.articleIdsOf(ids.ana!)).toEqual([]);
    });

    it('stores creator, assignees and reviewer, replacing each on set', async () => {
      await members.setCreator('s1', ids.ana!);
      await members.setAssignees('s1', [ids.bo!, ids.ana!]);
      await members.setReviewer('s1', ids.ed!);
      expect(await members.get('s1')).toEqual({ createdBy: 'ana', assignees: ['ana', 'bo'], reviewer: 'ed' });
      await members.setAssignees('s1', [ids.bo!]);
      await members.setReviewer('s1', null);
      expect(await members.get('s1')).toEqual({ createdBy: 'ana', assignees: ['bo'], reviewer: null });
      await members.setCreator('s1', ids.bo!);
      await members.setReviewer('s1', ids.ed!);
      await members.setReviewer('s1', ids.ana!);
      await members.setAssignees('s1', []);
      expect(await members.get('s1')).toEqual({ createdBy: 'bo', assignees: [], reviewer: 'ana' });
      expect(await members.get('s2')).toEqual({ createdBy: null, assignees: [], reviewer: null });
    });

    it('keeps one entry per assignee, sorted by username ignoring case', async () => {
      const cy = await harness.ensureUser('Cy', 'reporter');
      const al = await harness.ensureUser('Al', 'reporter');
      await members.setAssignees('s1', [cy, ids.bo!, ids.bo!, al, ids.ana!]);
      expect((await members.get('s1')).assignees).toEqual(['Al', 'ana', 'bo', 'Cy']);
    });

    it('lets one person hold several relations to a story', async () => {
      await members.setCreator('s1', ids.ana!);
      await members.setAssignees('s1', [ids.ana!]);
      await members.setReviewer('s1', ids.ana!);
      expect(await members.get('s1')).toEqual({ createdBy: 'ana', assignees: ['ana'], reviewer: 'ana' });
      expect(await members.articleIdsOf(ids.ana!)).toEqual(['s1']);
    });

    it('lists the stories a user created or is assigned to, not those they review', async () => {
      await members.setCreator('s1', ids.ana!);
      await members.setAssignees('s2', [ids.ana!, ids.bo!]);
      await members.setReviewer('s2', ids.ed!);
      expect((await members.articleIdsOf(ids.ana!)).sort()).toEqual(['s1', 's2']);
      expect(await members.articleIdsOf(ids.bo!)).toEqual(['s2']);
      expect(await members.articleIdsOf(ids.ed!)).toEqual([]);
    });

    it('refuses an unknown user and keeps the people the story had', async () => {
      await members.setAssignees('s1', [ids.bo!]);
      await expect(members.setAssignees('s1', [ids.ana!, 9999])).rejects.toThrow(/foreign key constraint/i);
      await expect(members.setCreator('s1', 9999)).rejects.toThrow(/foreign key constraint/i);
      await expect(members.setReviewer('s1', 9999)).rejects.toThrow(/foreign key constraint/i);
      expect(await members.get('s1')).toEqual({ createdBy: null, assignees: ['bo'], reviewer: null });
    });

    it('joins the caller’s transaction: a rollback restores the previous people', async () => {
      await members.setAssignees('s1', [ids.bo!]);
      await expect(
        harness.transact(async () => {
          await members.setAssignees('s1', [ids.ana!]);
          await members.setReviewer('s1', ids.ed!);
          expect(await members.get('s1')).toEqual({ createdBy: null, assignees: ['ana'], reviewer: 'ed' });
          throw new Error('undone');
        }),
      ).rejects.toThrow('undone');
      expect(await members.get('s1')).toEqual({ createdBy: null, assignees: ['bo'], reviewer: null });
    });

    it('leaves one whole list when two replace a story’s assignees at once', async () => {
      const lists = [[ids.ana!], [ids.bo!, ids.ed!]];
      for (let round = 0; round < 20; round++) {
        await Promise.all([members.setAssignees('s1', lists[round % 2]!), members.setAssignees('s1', lists[(round + 1) % 2]!)]);
        expect([['ana'], ['bo', 'ed']]).toContainEqual((await members.get('s1')).assignees);
      }
    });
  });
}
