import { expect, test } from '@playwright/test';
import { createAccount, pageAs, signInContext, signInCookie, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cuttableSocket } from './support/cuttableSocket.ts';
import { connection, cursorToEnd, expectSaved, storyText, textWithoutCarets } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let jo: Account;
let sam: Account;

test.beforeAll(async () => {
  jo = await createAccount(copydesk.server.url, 'jo', 'Jo Writer', 'reporter');
  sam = await createAccount(copydesk.server.url, 'sam', 'Sam Editor', 'editor');
});

// y-websocket passes one tab's changes to the person's other tabs over a BroadcastChannel. When tab B
// has no socket, what it types reaches the server only through tab A, which builds on it: the server
// must fetch those changes from A, and A must not say "All changes saved" before it has them.
test('one person’s two tabs lose nothing while one tab’s socket is cut', async ({ browser }) => {
  // Two tabs type character by character through a cut socket: on two workers sharing two cores it
  // takes 50–90 s, so it gets the longer timeout of a slow test; what it checks is unchanged.
  test.slow();
  const url = copydesk.server.url;
  const story = await createStory(url, 'Harbour reopens after the storm', await signInCookie(url, jo.username, jo.password));
  const storyUrl = `${url}/stories/${story.id}`;

  const context = await browser.newContext();
  await signInContext(context, url, jo);
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  const socketB = await cuttableSocket(tabB);
  await tabA.goto(storyUrl);
  await expectSaved(tabA);
  await tabB.goto(storyUrl);
  await expectSaved(tabB);

  await socketB.cut();
  await expect(connection(tabB)).toHaveText('Offline — changes kept on this device');
  await expectSaved(tabA);

  const written: string[] = [];
  for (let round = 1; round <= 2; round++) {
    const fromB = `Tab B, offline, line ${round}.`;
    await cursorToEnd(tabB);
    if (round > 1) await tabB.keyboard.press('Enter');
    await tabB.keyboard.type(fromB);
    await expect(storyText(tabA)).toContainText(fromB);

    // Tab A goes on from B's words: everything it types now depends on them.
    const fromA = `Tab A, after it, line ${round}.`;
    await cursorToEnd(tabA);
    await tabA.keyboard.press('Enter');
    await tabA.keyboard.type(fromA);
    await expectSaved(tabA);
    written.push(fromB, fromA);
  }

  // "All changes saved" in tab A means the server has both tabs' words: a reader elsewhere sees them.
  const reader = await pageAs(browser, url, sam);
  await reader.goto(storyUrl);
  await expectSaved(reader);
  for (const text of written) await expect.poll(() => textWithoutCarets(storyText(reader))).toContain(text);

  // Tab B's socket comes back: it saves, and all three pages show one story.
  socketB.restore();
  await expectSaved(tabB);
  await cursorToEnd(tabB);
  await tabB.keyboard.press('Enter');
  await tabB.keyboard.type('Tab B, back online.');
  await expectSaved(tabB);
  await expect(storyText(reader)).toContainText('Tab B, back online.');
  await expect(storyText(tabA)).toContainText('Tab B, back online.');
  const final = await textWithoutCarets(storyText(tabA));
  for (const page of [tabB, reader]) await expect.poll(() => textWithoutCarets(storyText(page))).toBe(final);
  for (const text of written) expect(final).toContain(text);

  await context.close();
  await reader.context().close();
});
