import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELD, META_MAP } from '../../shared/collab/docFields.ts';
import { api, appendParagraph, connectClient, createStory, createUser, paragraphs, waitFor, type TestClient, type TestUser } from './helpers.ts';
import { useTestServer } from './testServer.ts';

const FORMATS = ['html', 'ninjs', 'md', 'json', 'text'] as const;

/** Top-level node names of the story as a client holds it. */
const blockNames = (ydoc: Y.Doc): string[] =>
  ydoc
    .getXmlFragment(DOC_FIELD)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.nodeName : '#text'));

describe('a writer cannot break a story for everyone', () => {
  const server = useTestServer({ unloadDelayMs: 50 });
  let rita: TestUser;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
  });
  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  const exportsAnswer = async (id: string): Promise<number[]> =>
    Promise.all(FORMATS.map(async (format) => (await api(server.url, 'GET', `/api/articles/${id}/export?format=${format}`, undefined, server.admin)).status));

  it('undoes, for everyone, a change that puts the story outside the article schema; every export still answers 200', async () => {
    const id = await createStory(server.url, 'Storm warning', rita.auth);
    const writer = connectClient(server.url, id, { auth: rita.auth });
    const colleague = connectClient(server.url, id, { auth: server.admin });
    clients.push(writer, colleague);
    await Promise.all([writer.synced, colleague.synced]);
    const shape = blockNames(colleague.ydoc);
    expect(shape[0]).toBe('headline');

    // A plain Yjs script with a writer's session: a paragraph before the headline, an unknown
    // node, a figure without its image, a number where the byline belongs.
    const fragment = writer.ydoc.getXmlFragment(DOC_FIELD);
    const before = new Y.XmlElement('paragraph');
    before.insert(0, [new Y.XmlText('Above the headline')]);
    fragment.insert(0, [before]);
    fragment.insert(fragment.length, [new Y.XmlElement('marquee')]);
    const figure = new Y.XmlElement('figure');
    figure.setAttribute('onerror', 'alert(1)');
    fragment.insert(fragment.length, [figure]);
    writer.ydoc.getMap(META_MAP).set('byline', 42 as unknown as string);
    // A good edit after them still goes through.
    appendParagraph(writer.ydoc, 'Winds of 120 km/h expected.');

    await waitFor('the good edit to reach the colleague', () => paragraphs(colleague.ydoc).includes('Winds of 120 km/h expected.'));
    await waitFor('the bad ones to be undone for the writer too', () => blockNames(writer.ydoc).join() === blockNames(colleague.ydoc).join());
    expect(blockNames(colleague.ydoc)).toEqual([...shape, 'paragraph']);
    expect(paragraphs(colleague.ydoc)).not.toContain('Above the headline');
    expect(colleague.ydoc.getMap(META_MAP).get('byline')).not.toBe(42);
    expect(await exportsAnswer(id)).toEqual(FORMATS.map(() => 200));
    // The writer is told why, once per undone change, with the words it took away; the colleague hears nothing.
    expect(writer.refusals).toEqual(['schema', 'schema', 'schema', 'schema']);
    expect(writer.undoneWords).toEqual(['Above the headline']);
    expect(colleague.refusals).toEqual([]);

    // Stored that way: after a restart the story still exports.
    writer.destroy();
    colleague.destroy();
    await server.restart();
    expect(await exportsAnswer(id)).toEqual(FORMATS.map(() => 200));
    const fresh = connectClient(server.url, id, { auth: server.admin });
    clients.push(fresh);
    await fresh.synced;
    expect(blockNames(fresh.ydoc)).toEqual([...shape, 'paragraph']);
  });
});
