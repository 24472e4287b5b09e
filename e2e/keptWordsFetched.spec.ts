import { expect, test } from '@playwright/test';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { WordsBackList } from '../shared/api.ts';
import { DOC_FIELD } from '../shared/collab/docFields.ts';
import { openRawSocket, syncUpdateFrame } from '../server/test/rawSocket.ts';
import { apiAs, createAccount, pageAs, signInCookie, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { expectSaved, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let nellie: Account;

test.beforeAll(async () => {
  nellie = await createAccount(copydesk.server.url, 'nellie', 'Nellie Bly', 'reporter');
});

/**
 * Her socket sends a paragraph the story cannot take (before the headline), then drops before the
 * server's answer arrives: the words went back on a connection nobody read. The server kept them.
 */
async function sendAndDrop(url: string, articleId: string, cookie: string, text: string): Promise<void> {
  const socket = openRawSocket(url, articleId, { auth: { cookie } });
  await socket.greeted;
  await socket.barrier();
  const decoder = decoding.createDecoder(socket.received.at(-1)!);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(DOC_FIELD).insert(0, [paragraph]);
  socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc, before)));
  await new Promise<void>((resolve) => socket.ws.once('close', () => resolve()).terminate());
}

test('words whose notice never reached her are kept above the story when she opens it, once', async ({ browser }) => {
  const url = copydesk.server.url;
  const cookie = await signInCookie(url, nellie.username, nellie.password);
  const story = await createStory(url, 'Ferry replaces the bridge', cookie);
  const path = `/api/articles/${story.id}/words-back`;
  await sendAndDrop(url, story.id, cookie, 'Engineers found cracks in two piers.');
  await expect.poll(async () => (await apiAs<WordsBackList>(url, cookie, 'GET', path)).notices.length).toBe(1);

  const page = await pageAs(browser, url, nellie);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);
  const kept = page.getByRole('region', { name: 'Your words not in the story' });
  await expect(kept.locator('blockquote')).toHaveText('Engineers found cracks in two piers.');
  await expect(storyText(page)).not.toContainText('Engineers found cracks');
  // Her browser has them: the server forgets them, and a reload shows them once, from this device.
  await expect.poll(async () => (await apiAs<WordsBackList>(url, cookie, 'GET', path)).notices.length).toBe(0);
  await page.reload();
  await expectSaved(page);
  await expect(kept.locator('blockquote')).toHaveCount(1);
  await expect(kept.locator('blockquote')).toHaveText('Engineers found cracks in two piers.');
});
