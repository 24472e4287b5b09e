import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ArticleRecord } from './ArticleStore.ts';
import { testPublication } from './publicationStoreContract.ts';
import type { Storage } from './Storage.ts';

/** The stores a StoryEraser implementation is checked against: every one that holds rows of a story. */
export type StoryEraserHarness = Pick<
  Storage,
  'articles' | 'eraser' | 'docs' | 'versions' | 'members' | 'audit' | 'users' | 'schedule' | 'publications' | 'slugs' | 'authorship' | 'wordsBack' | 'unit'
> & {
  close(): void | Promise<void>;
};

const AT = '2024-05-01T09:00:00.000Z';

function record(id: string): ArticleRecord {
  return { id, headline: `Story ${id}`, status: 'draft', byline: '', slug: id, section: '', tags: [], wordCount: 0, createdAt: AT, updatedAt: AT };
}

function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Runs the StoryEraser contract against any implementation; every backend must pass it. */
export function storyEraserContract(name: string, createHarness: () => StoryEraserHarness | Promise<StoryEraserHarness>): void {
  describe(`StoryEraser contract (${name})`, () => {
    let h: StoryEraserHarness;
    let userId: number;

    beforeEach(async () => {
      h = await createHarness();
      const user = await h.users.create({ username: 'rita', displayName: 'Rita', role: 'reporter', passwordHash: 'x', color: '#123456', createdAt: AT });
      userId = user.id;
    });
    afterEach(() => h.close());

    /** A story with a row in every store that keeps rows of it. */
    const fullStory = async (id: string): Promise<void> => {
      await h.articles.create(record(id), update(`first ${id}`));
      await h.docs.appendAll([{ articleId: id, update: update(`more ${id}`) }]);
      await h.versions.insert({
        articleId: id,
        kind: 'named',
        name: 'v1',
        createdAt: AT,
        createdBy: 'rita',
        editors: ['rita'],
        wordCount: 1,
        state: update(id),
        doc: { meta: { byline: '', slug: id, section: '', tags: [] }, doc: { type: 'doc' } },
      });
      await h.members.setCreator(id, userId);
      await h.audit.append({ articleId: id, actor: 'rita', action: 'create', to: 'draft', at: AT });
      await h.schedule.set({ articleId: id, publishAt: '2030-01-01T00:00:00.000Z', embargoUntil: null, setBy: 'ed', updatedAt: AT });
      await h.authorship.recordAll([
        { articleId: id, writers: [{ clientId: 7, username: 'rita' }], ranges: [{ clientId: 7, from: 0, to: 4, kind: 'create', by: 'rita', detail: null }] },
      ]);
      await h.wordsBack.add(id, userId, `words of ${id}`);
    };

    const eraseLogged = (id: string) =>
      h.unit.transact(async () => {
        const erased = await h.eraser.erase(id, AT);
        if (erased) await h.audit.append({ articleId: id, actor: 'admin', action: 'delete', note: `Story ${id}`, at: AT });
        return erased;
      });

    it('erases every row of the story, and only of that story; the entry logged with it stays', async () => {
      await fullStory('gone');
      await fullStory('kept');
      expect(await eraseLogged('gone')).toBe(true);

      expect(await h.articles.get('gone')).toBeNull();
      expect((await h.articles.list()).map((r) => r.id)).toEqual(['kept']);
      expect(await h.docs.load('gone')).toEqual({ state: null, logLength: 0 });
      expect(await h.versions.list('gone')).toEqual([]);
      expect(await h.members.get('gone')).toMatchObject({ createdBy: null, assignees: [], reviewer: null });
      expect(await h.members.articleIdsOf(userId)).toEqual(['kept']);
      expect(await h.schedule.get('gone')).toBeNull();
      expect(await h.authorship.load('gone')).toEqual({ writers: [], ranges: [] });
      expect(await h.wordsBack.pending('gone', userId, 10)).toEqual([]);
      expect((await h.audit.forArticle('gone')).map((e) => e.action)).toEqual(['delete']);

      expect(await h.articles.get('kept')).toMatchObject({ id: 'kept' });
      expect((await h.docs.load('kept')).state).not.toBeNull();
      expect(await h.versions.list('kept')).toHaveLength(1);
      expect((await h.members.get('kept')).createdBy).toBe('rita');
      expect(await h.schedule.get('kept')).not.toBeNull();
      expect((await h.authorship.load('kept')).writers).toHaveLength(1);
      expect((await h.wordsBack.pending('kept', userId, 10)).map((n) => n.notice)).toEqual(['words of kept']);
      expect((await h.audit.forArticle('kept')).map((e) => e.action)).toEqual(['create']);
    });

    it('keeps the publications of a story that went out, with their address and site state', async () => {
      await fullStory('out');
      await h.publications.insert(testPublication('out', 1));
      await h.slugs.claim('out', 'world', 'story-out', AT);
      await h.publications.setSiteState({ articleId: 'out', state: 'unpublished', changedAt: AT, changedBy: 'ed' });

      expect(await eraseLogged('out')).toBe(true);
      expect(await h.articles.get('out')).toBeNull();
      expect(await h.articles.list()).toEqual([]);
      expect(await h.docs.load('out')).toEqual({ state: null, logLength: 0 });
      expect(await h.wordsBack.pending('out', userId, 10)).toEqual([]);
      expect(await h.publications.latest('out')).toMatchObject({ articleId: 'out', version: 1, headline: 'Headline out v1' });
      expect(await h.slugs.resolve('world', 'story-out')).toMatchObject({ articleId: 'out' });
      expect(await h.publications.siteState('out')).toMatchObject({ state: 'unpublished' });
      expect(await h.eraser.erase('out', AT)).toBe(false);
    });

    it('answers false for a story that does not exist', async () => {
      expect(await h.eraser.erase('nothing', AT)).toBe(false);
    });

    it('erases nothing when the transaction it joined rolls back', async () => {
      await fullStory('saved');
      await expect(
        h.unit.transact(async () => {
          await h.eraser.erase('saved', AT);
          throw new Error('the audit entry failed');
        }),
      ).rejects.toThrow('the audit entry failed');
      expect(await h.articles.get('saved')).toMatchObject({ id: 'saved' });
      expect((await h.docs.load('saved')).state).not.toBeNull();
      expect(await h.versions.list('saved')).toHaveLength(1);
      expect((await h.members.get('saved')).createdBy).toBe('rita');
      expect(await h.audit.forArticle('saved')).toHaveLength(1);
      expect(await h.wordsBack.pending('saved', userId, 10)).toHaveLength(1);
    });
  });
}
