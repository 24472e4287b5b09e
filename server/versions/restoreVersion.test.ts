import { updateYFragment } from '@tiptap/y-tiptap';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fixtureArticleJson } from '../../shared/article/fixtureArticle.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import { metaMap, setMetaText, setTags } from '../../shared/article/meta.ts';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { toTransactionOrigin } from '../collab/origins.ts';
import { captureVersion } from './captureVersion.ts';
import { restoreVersion } from './restoreVersion.ts';
import { openTestVersionDeps } from './testVersionDeps.ts';
import { blockTexts, storyDoc, storyJson } from './testStory.ts';
import { writeArticle } from './writeArticle.ts';

const REMOTE = Symbol('remote');

/**
 * Two replicas of a story (the server's live doc and one editor's) that exchange updates only
 * when `flush` is called, so edits made in between are concurrent.
 */
function replicas(server: Y.Doc) {
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(server), REMOTE);
  const toEditor: Uint8Array[] = [];
  const toServer: Uint8Array[] = [];
  server.on('update', (update: Uint8Array, origin: unknown) => origin !== REMOTE && toEditor.push(update));
  editor.on('update', (update: Uint8Array, origin: unknown) => origin !== REMOTE && toServer.push(update));
  return {
    editor,
    flush() {
      for (const update of toEditor.splice(0)) Y.applyUpdate(editor, update, REMOTE);
      for (const update of toServer.splice(0)) Y.applyUpdate(server, update, REMOTE);
    },
  };
}

const paragraphText = (ydoc: Y.Doc, index: number): Y.XmlText =>
  (ydoc.getXmlFragment(DOC_FIELD).get(index) as Y.XmlElement).get(0) as Y.XmlText;

function addParagraph(ydoc: Y.Doc, text: string): void {
  const fragment = ydoc.getXmlFragment(DOC_FIELD);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

describe('restoreVersion', () => {
  let setup: ReturnType<typeof openTestVersionDeps>;
  beforeEach(() => {
    setup = openTestVersionDeps();
  });
  afterEach(() => setup.close());

  it('brings an old version back exactly: text, figures, lists, links and meta', async () => {
    const live = storyDoc(fixtureArticleJson());
    const original = readArticle(live);
    await captureVersion(setup.deps, { articleId: 'a', ydoc: live, kind: 'named', name: 'First draft', by: 'ana', editors: ['ana'] });
    writeArticle(live, storyJson('Something else entirely', ['One paragraph.'], { byline: 'Bo', tags: ['Other'] }), null, updateYFragment);
    expect(readArticle(live)).not.toEqual(original);

    const result = await restoreVersion(setup.deps, { articleId: 'a', ydoc: live, version: 1, by: 'ed' });
    expect(result.ok).toBe(true);
    expect(readArticle(live)).toEqual(original);
  });

  it('restores as one forward change with a server origin, under concurrent typing; both replicas converge', async () => {
    const live = storyDoc(storyJson('Council votes', ['The council met on Tuesday.', 'It voted for the budget.'], { byline: 'Ana', tags: ['Council'] }));
    const { editor, flush } = replicas(live);
    await captureVersion(setup.deps, { articleId: 'a', ydoc: live, kind: 'named', name: 'Before legal read', by: 'ed', editors: [] });

    // The reporter rewrites the second paragraph, adds a third and changes the meta.
    const second = paragraphText(editor, 3);
    second.delete(0, second.length);
    second.insert(0, 'It rejected the budget after a long debate.');
    addParagraph(editor, 'Protests followed.');
    setMetaText(editor, 'byline', 'Ana and Bo');
    setTags(editor, ['Council', 'Budget']);
    flush();
    setup.deps.clock.advance(600_000);
    await captureVersion(setup.deps, { articleId: 'a', ydoc: live, kind: 'auto', by: null, editors: ['ana'] });
    const beforeRestore = readArticle(live);
    const vectorBefore = Y.encodeStateVector(live);

    // While the editor restores version 1, the reporter keeps typing in the first paragraph.
    const first = paragraphText(editor, 2);
    first.insert(first.length - 1, ' in the town hall');
    const updates: Array<{ origin: unknown }> = [];
    live.on('update', (_update: Uint8Array, origin: unknown) => updates.push({ origin }));
    const result = await restoreVersion(setup.deps, { articleId: 'a', ydoc: live, version: 1, by: 'ed', editors: ['ana'] });
    expect(result.ok).toBe(true);
    expect(updates).toHaveLength(1);
    expect(toTransactionOrigin(updates[0]!.origin)).toMatchObject({ kind: 'server' });
    flush();

    expect(readArticle(editor)).toEqual(readArticle(live));
    expect(blockTexts(live)).toEqual(['Council votes', '', 'The council met on Tuesday in the town hall.', 'It voted for the budget.']);
    expect(readArticle(live).meta).toEqual({ byline: 'Ana', slug: 'story', section: '', tags: ['Council'] });

    // Nothing was lost: every version is listed, the one before the restore holds the rewritten story.
    const list = await setup.deps.versions.list('a');
    expect(list.map((v) => [v.number, v.kind])).toEqual([
      [3, 'restore'],
      [2, 'auto'],
      [1, 'named'],
    ]);
    expect(list[0]).toMatchObject({ name: 'Before restoring version 1', createdBy: 'ed', editors: ['ana'] });
    expect((await setup.deps.versions.get('a', 3))!.doc).toEqual(beforeRestore);

    // Forward, not rewritten: a replica still at the pre-restore state catches up with a plain update.
    const late = new Y.Doc();
    Y.applyUpdate(late, (await setup.deps.versions.get('a', 3))!.state);
    expect(Y.encodeStateVector(late)).toEqual(vectorBefore);
    Y.applyUpdate(late, Y.encodeStateAsUpdate(live, Y.encodeStateVector(late)));
    expect(readArticle(late)).toEqual(readArticle(live));
  });

  it('keeps concurrent typing in a block the restore rewrites, where it does not overlap', async () => {
    const live = storyDoc(storyJson('Council votes', ['The council met on Tuesday and voted.']));
    const { editor, flush } = replicas(live);
    await captureVersion(setup.deps, { articleId: 'a', ydoc: live, kind: 'auto', by: null, editors: [] });
    const text = paragraphText(live, 2);
    text.insert(text.length - 1, ' late');
    flush();
    expect(blockTexts(editor)[2]).toBe('The council met on Tuesday and voted late.');

    paragraphText(editor, 2).insert(0, 'Finally, ');
    await restoreVersion(setup.deps, { articleId: 'a', ydoc: live, version: 1, by: 'ed' });
    flush();
    expect(readArticle(editor)).toEqual(readArticle(live));
    expect(blockTexts(live)[2]).toBe('Finally, The council met on Tuesday and voted.');
  });

  it('answers not_found for an unknown version and changes nothing', async () => {
    const live = storyDoc(storyJson('Council votes', ['Text.']));
    const before = Y.encodeStateAsUpdate(live);
    expect(await restoreVersion(setup.deps, { articleId: 'a', ydoc: live, version: 7, by: 'ed' })).toEqual({ ok: false, reason: 'not_found' });
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    expect(await setup.deps.versions.list('a')).toEqual([]);
  });

  it('refuses a stored document the schema rejects before keeping or changing anything', async () => {
    const live = storyDoc(storyJson('Council votes', ['Text.']));
    const bad = readArticle(live);
    bad.doc = { type: 'doc', content: [{ type: 'paragraph' }] };
    await setup.deps.versions.insert({
      articleId: 'a',
      kind: 'named',
      name: null,
      createdAt: '2024-05-01T09:00:00.000Z',
      createdBy: 'x',
      editors: [],
      wordCount: 0,
      state: Y.encodeStateAsUpdate(live),
      doc: bad,
    });
    const before = Y.encodeStateAsUpdate(live);
    await expect(restoreVersion(setup.deps, { articleId: 'a', ydoc: live, version: 1, by: 'ed' })).rejects.toThrow(RangeError);
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    expect(await setup.deps.versions.list('a')).toHaveLength(1);
    expect(metaMap(live).get('slug')).toBe('story');
  });
});
