import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import type { Logger } from '../log.ts';
import { AutoVersioner } from './AutoVersioner.ts';
import { openTestVersionDeps } from './testVersionDeps.ts';
import { storyDoc, storyJson } from './testStory.ts';

const MINUTE = 60_000;

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (message: string) => lines.push(message);
  return { lines, debug: push, info: push, warn: push, error: push };
}

function type(ydoc: Y.Doc, text: string): void {
  const paragraph = ydoc.getXmlFragment(DOC_FIELD).get(2) as Y.XmlElement;
  const ytext = paragraph.get(0) as Y.XmlText;
  ytext.insert(ytext.length, text);
}

/** Lets a capture started by a timer reach its store calls (each resolves in a microtask). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('AutoVersioner', () => {
  let setup: ReturnType<typeof openTestVersionDeps>;
  let ydoc: Y.Doc;
  let log: ReturnType<typeof recordingLog>;
  let versioner: AutoVersioner;

  beforeEach(() => {
    setup = openTestVersionDeps();
    ydoc = storyDoc(storyJson('Council votes', ['The council met']));
    log = recordingLog();
    versioner = new AutoVersioner({
      ...setup.deps,
      timers: setup.deps.clock,
      log,
      periodMs: 10 * MINUTE,
      docFor: (articleId) => (articleId === 'a' ? ydoc : null),
    });
  });
  afterEach(() => {
    versioner.stop();
    setup.close();
  });

  it('captures an auto version ten minutes after the first change, with everyone who edited', async () => {
    type(ydoc, ' on');
    versioner.change('a', 'ana');
    setup.deps.clock.advance(4 * MINUTE);
    await settle();
    type(ydoc, ' Tuesday');
    versioner.change('a', 'bo');
    versioner.change('a', 'ana');
    versioner.change('a', null);
    setup.deps.clock.advance(6 * MINUTE - 1);
    await settle();
    expect(await setup.deps.versions.list('a')).toEqual([]);
    setup.deps.clock.advance(1);
    await settle();
    const [version] = await setup.deps.versions.list('a');
    expect(version).toMatchObject({ number: 1, kind: 'auto', createdBy: null, editors: ['ana', 'bo'], createdAt: '2024-05-01T09:10:00.000Z', wordCount: 5 });
    expect(versioner.hasUnversionedChanges('a')).toBe(false);
    expect(setup.deps.clock.pending).toBe(0);
  });

  it('starts a new period with the next change, and skips a period whose changes cancelled out', async () => {
    versioner.change('a', 'ana');
    type(ydoc, '.');
    setup.deps.clock.advance(10 * MINUTE);
    await settle();
    expect(await setup.deps.versions.list('a')).toHaveLength(1);

    setup.deps.clock.advance(30 * MINUTE);
    await settle();
    versioner.change('a', 'bo');
    type(ydoc, ' Again.');
    setup.deps.clock.advance(10 * MINUTE);
    await settle();
    expect((await setup.deps.versions.list('a')).map((v) => [v.number, v.editors, v.createdAt])).toEqual([
      [2, ['bo'], '2024-05-01T09:50:00.000Z'],
      [1, ['ana'], '2024-05-01T09:10:00.000Z'],
    ]);

    versioner.change('a', 'cy');
    const text = (ydoc.getXmlFragment(DOC_FIELD).get(2) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'x');
    text.delete(0, 1);
    setup.deps.clock.advance(10 * MINUTE);
    await settle();
    expect(await setup.deps.versions.list('a')).toHaveLength(2);
  });

  it('captures on unload when the story has unversioned changes, and only then', async () => {
    expect(await versioner.unload('a', ydoc)).toBeNull();
    versioner.change('a', 'ana');
    type(ydoc, ' today');
    setup.deps.clock.advance(3 * MINUTE);
    await settle();
    expect(await versioner.unload('a', ydoc)).toMatchObject({ captured: true, version: { kind: 'auto', editors: ['ana'] } });
    expect(setup.deps.clock.pending).toBe(0);
    setup.deps.clock.advance(20 * MINUTE);
    await settle();
    expect(await setup.deps.versions.list('a')).toHaveLength(1);
  });

  it('hands the period editors to a transition or named capture and ends the period', async () => {
    versioner.change('a', 'ana');
    type(ydoc, ' today');
    const result = await versioner.capture({ articleId: 'a', ydoc, kind: 'transition', name: 'Submitted for review', by: 'ana' });
    expect(result).toMatchObject({ captured: true, version: { kind: 'transition', editors: ['ana'], createdBy: 'ana' } });
    expect(versioner.editorsOf('a')).toEqual([]);
    setup.deps.clock.advance(10 * MINUTE);
    await settle();
    expect(await setup.deps.versions.list('a')).toHaveLength(1);
  });

  it('logs instead of throwing when the story is gone or storing fails', async () => {
    versioner.change('b', 'ana');
    setup.deps.clock.advance(10 * MINUTE);
    await settle();
    expect(log.lines).toContain('no document to take an automatic version of');

    versioner.change('a', 'ana');
    type(ydoc, '!');
    setup.db.exec('DROP TABLE article_versions');
    expect(() => setup.deps.clock.advance(10 * MINUTE)).not.toThrow();
    await settle();
    expect(log.lines).toContain('taking an automatic version failed');
  });

  it('refuses a period that is not positive', () => {
    expect(() => new AutoVersioner({ ...setup.deps, timers: setup.deps.clock, log, periodMs: 0, docFor: () => null })).toThrow(RangeError);
  });
});
