import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readArticle } from '../../shared/article/readArticle.ts';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { captureVersion } from './captureVersion.ts';
import { openTestVersionDeps } from './testVersionDeps.ts';
import { storyDoc, storyJson } from './testStory.ts';

describe('captureVersion', () => {
  let setup: ReturnType<typeof openTestVersionDeps>;
  beforeEach(() => {
    setup = openTestVersionDeps();
  });
  afterEach(() => setup.close());

  it('stores the whole state, the JSON, word count, time, author and editors', async () => {
    const ydoc = storyDoc(storyJson('Council votes', ['The council met on Tuesday.'], { byline: 'Ana' }));
    setup.deps.clock.set('2024-05-01T10:30:00.000Z');
    const result = await captureVersion(setup.deps, {
      articleId: 'a',
      ydoc,
      kind: 'named',
      name: '  Before legal read ',
      by: 'ed',
      editors: ['ana', 'bo', 'ana'],
    });
    expect(result.captured).toBe(true);
    const stored = (await setup.deps.versions.get('a', 1))!;
    expect(stored).toMatchObject({
      kind: 'named',
      name: 'Before legal read',
      createdAt: '2024-05-01T10:30:00.000Z',
      createdBy: 'ed',
      editors: ['ana', 'bo'],
      wordCount: 5,
    });
    expect(stored.doc).toEqual(readArticle(ydoc));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored.state);
    expect(readArticle(copy)).toEqual(readArticle(ydoc));
  });

  it('skips an auto version when nothing changed, even after edits that cancel out', async () => {
    const ydoc = storyDoc(storyJson('Council votes', ['The council met.']));
    expect((await captureVersion(setup.deps, { articleId: 'a', ydoc, kind: 'auto', by: null, editors: [] })).captured).toBe(true);
    const text = (ydoc.getXmlFragment(DOC_FIELD).get(2) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'Yesterday ');
    text.delete(0, 'Yesterday '.length);
    const skipped = await captureVersion(setup.deps, { articleId: 'a', ydoc, kind: 'auto', by: null, editors: ['ana'] });
    expect(skipped).toMatchObject({ captured: false, reason: 'unchanged' });
    expect(await setup.deps.versions.list('a')).toHaveLength(1);
  });

  it('keeps an auto version after a deletion, which leaves the state vector unchanged', async () => {
    const ydoc = storyDoc(storyJson('Council votes', ['The council met on Tuesday.']));
    await captureVersion(setup.deps, { articleId: 'a', ydoc, kind: 'auto', by: null, editors: [] });
    const vector = Y.encodeStateVector(ydoc);
    const text = (ydoc.getXmlFragment(DOC_FIELD).get(2) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(15, ' on Tuesday'.length);
    expect(Y.encodeStateVector(ydoc)).toEqual(vector);
    const result = await captureVersion(setup.deps, { articleId: 'a', ydoc, kind: 'auto', by: null, editors: ['ana'] });
    expect(result.captured).toBe(true);
    expect((await setup.deps.versions.get('a', 2))!.wordCount).toBe(3);
  });

  it('always keeps transition and named versions, changed or not', async () => {
    const ydoc = storyDoc(storyJson('Council votes', ['The council met.']));
    for (const kind of ['auto', 'transition', 'named'] as const) {
      expect((await captureVersion(setup.deps, { articleId: 'a', ydoc, kind, by: 'ed', editors: [] })).captured).toBe(true);
    }
    expect((await setup.deps.versions.list('a')).map((v) => v.kind)).toEqual(['named', 'transition', 'auto']);
  });
});
