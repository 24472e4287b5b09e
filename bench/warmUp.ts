import * as Y from 'yjs';
import { DOC_FIELD } from '../shared/collab/docFields.ts';
import { delay } from './BenchServer.ts';
import type { BenchTarget } from './BenchTarget.ts';
import { openStory } from './openStory.ts';

/**
 * `stories` warm-up stories are created, and a client opens each, types a sentence, moves its
 * cursor and leaves; then the server's unload delay passes. Whatever a server sets up once
 * (modules loaded on first use, code optimized once a path is hot, caches) is then in place
 * before the heap baseline is read, so the heap left per idle story is the stories' own.
 * A single warm-up story is not enough: the first few dozen story creations and openings
 * still leave some hundred KiB of optimized code behind.
 */
export async function warmUp(server: BenchTarget, settleMs: number, stories = WARM_UP_STORIES): Promise<void> {
  const ids = await server.createStories(stories, 'Bench warm-up');
  // With several servers, each warms up on its share of the stories.
  await Promise.all(ids.map((id, i) => typeOnce(server, server.collabUrls[i % server.collabUrls.length]!, id)));
  await delay(settleMs);
}

/** Stories the warm-up creates, opens, edits and leaves. */
export const WARM_UP_STORIES = 20;

async function typeOnce(server: BenchTarget, collabUrl: string, id: string): Promise<void> {
  const client = openStory(collabUrl, id, { name: 'Bench warm-up', color: '#808080' }, server.cookie);
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
}
