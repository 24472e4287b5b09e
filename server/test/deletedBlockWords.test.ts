import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, createStory, createUser, waitFor, type Auth, type TestClient, type TestUser } from './helpers.ts';
import { articleSchema } from '../../shared/editor/schema.ts';
import { bodyTexts, editStory, typeAt } from './storyEdits.ts';
import { useTestServer } from './testServer.ts';

const FIRST = 'The council approved the budget on Tuesday.';
const SECOND = 'Crews worked through the night.';

describe('words typed into a paragraph a colleague deleted meanwhile go back to their writer', () => {
  const server = useTestServer();
  let ed: TestUser;
  let rita: TestUser;
  const clients: TestClient[] = [];

  const open = async (auth: Auth, id: string): Promise<TestClient> => {
    const client = connectClient(server.url, id, { auth });
    clients.push(client);
    await client.synced;
    return client;
  };

  /** A draft by Rita with two body paragraphs, open for Rita and Ed; Rita then goes offline. */
  const twoParagraphs = async (headline: string) => {
    const id = await createStory(server.url, headline, rita.auth);
    const ritaClient = await open(rita.auth, id);
    // A new story's body is one empty paragraph.
    editStory(ritaClient.ydoc, (tr) => {
      tr.insertText(FIRST, tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize + 1);
      return tr.insert(tr.doc.content.size, articleSchema.nodes.paragraph!.create(null, articleSchema.text(SECOND)));
    });
    const edClient = await open(ed.auth, id);
    await waitFor('Ed to receive both paragraphs', () => bodyTexts(edClient.ydoc).join('|') === `${FIRST}|${SECOND}`);
    ritaClient.provider.disconnect();
    return { id, ritaClient, edClient };
  };
  const endOfLast = (doc: { content: { size: number } }) => doc.content.size - 1;
  const deleteLast = (client: TestClient) =>
    editStory(client.ydoc, (tr) => {
      const last = tr.doc.child(tr.doc.childCount - 1);
      return tr.delete(tr.doc.content.size - last.nodeSize, tr.doc.content.size);
    });

  beforeAll(async () => {
    ed = await createUser(server.url, server.admin, 'ed', 'editor', 'Ed Itor');
    rita = await createUser(server.url, server.admin, 'rita', 'reporter', 'Rita Porter');
  });
  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it('offline words in a paragraph an editor deleted come back to her alone when she reconnects', async () => {
    const { id, ritaClient, edClient } = await twoParagraphs('Deleted while offline');
    typeAt(ritaClient.ydoc, endOfLast, ' Roads reopened at dawn.');
    deleteLast(edClient);
    // Stored: a colleague opening the story now sees it without the paragraph.
    const later = await open(ed.auth, id);
    await waitFor('the deletion to be stored', () => bodyTexts(later.ydoc).join('|') === FIRST);

    ritaClient.provider.connect();
    await waitFor('her words to reach her', () => ritaClient.undoneWords.length > 0);
    expect(ritaClient.followUps).toEqual(['block_deleted']);
    expect(ritaClient.undoneWords).toEqual([' Roads reopened at dawn.']);
    // Not a refusal: nothing of hers was undone, and the story is the editor's for everyone.
    expect(ritaClient.refusals).toEqual([]);
    await waitFor('Rita to be in step', () => bodyTexts(ritaClient.ydoc).join('|') === FIRST);
    expect(bodyTexts(edClient.ydoc)).toEqual([FIRST]);
    expect(edClient.followUps).toEqual([]);
    expect(edClient.undoneWords).toEqual([]);
  });

  it('words in a paragraph nobody deleted, or that she deleted herself, do not come back', async () => {
    const { id, ritaClient, edClient } = await twoParagraphs('Nothing deleted by others');
    typeAt(ritaClient.ydoc, endOfLast, ' Roads reopened at dawn.');
    // Her own deletion of what she typed into (offline too): nothing of hers is lost.
    typeAt(ritaClient.ydoc, (doc) => doc.child(0).nodeSize + doc.child(1).nodeSize + doc.child(2).nodeSize - 1, ' Unanimously.');
    deleteLast(ritaClient);
    ritaClient.provider.connect();
    await waitFor('her words to reach Ed', () => bodyTexts(edClient.ydoc).join('|') === `${FIRST} Unanimously.`);
    const later = await open(ed.auth, id);
    await waitFor('a colleague to load them', () => bodyTexts(later.ydoc).join('|') === `${FIRST} Unanimously.`);
    // A follow-up would have come within 400 ms of her update.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(ritaClient.followUps).toEqual([]);
    expect(ritaClient.undoneWords).toEqual([]);
  });
});
