import * as Y from 'yjs';
import { DOC_FIELD } from '../shared/collab/docFields.ts';
import { delay } from './BenchServer.ts';
import type { BenchTarget } from './BenchTarget.ts';
import { openStory } from './openStory.ts';

/**
 * One client opens a story of its own, types a sentence, moves its cursor and leaves; then the
 * server's unload delay passes. Whatever a server sets up once, on its first story (modules
 * loaded on first use, compiled code, caches), is then in place before the heap baseline is
 * read, so the heap left per idle story is the stories' own.
 */
export async function warmUp(server: BenchTarget, settleMs: number): Promise<void> {
  const [id] = await server.createStories(1, 'Bench warm-up');
  const client = openStory(server.collabUrl, id!, { name: 'Bench warm-up', color: '#808080' }, server.cookie);
  try {
    await client.synced;
    const text = new Y.XmlText();
    client.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [text]);
      client.doc.getXmlFragment(DOC_FIELD).push([paragraph]);
    });
    for (const word of ['The ', 'first ', 'story ', 'of ', 'the ', 'day.']) {
      text.insert(text.length, word);
      const head = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
      client.provider.awareness.setLocalStateField('cursor', { anchor: head, head });
      await delay(20);
    }
    await delay(300);
  } finally {
    client.destroy();
  }
  await delay(settleMs);
}
