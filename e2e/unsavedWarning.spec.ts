import { expect, test, type Page } from '@playwright/test';
import { createAccount, signInCookie, signInContext, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { connection, cursorToEnd, expectSaved } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let nellie: Account;

test.beforeAll(async () => {
  nellie = await createAccount(copydesk.server.url, 'nellie', 'Nellie Bly', 'reporter');
});

/** Closes `page` as a user closing the tab would; resolves with the type of the dialog shown, or null. */
async function closeTab(page: Page): Promise<string | null> {
  const closed = new Promise<null>((resolve) => page.once('close', () => resolve(null)));
  const dialog = new Promise<string>((resolve) =>
    page.once('dialog', (shown) => {
      resolve(shown.type());
      void shown.accept();
    }),
  );
  await page.close({ runBeforeUnload: true });
  return Promise.race([dialog, closed]);
}

test('closing the tab warns while a change is not saved, and not once everything is', async ({ browser }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Bridge repairs run late', await signInCookie(url, nellie.username, nellie.password));
  const context = await browser.newContext();
  await signInContext(context, url, nellie);
  // The story's socket goes through the test: while `holding`, the browser's frames never reach the
  // server, so its changes stay unsaved however long the test waits.
  let holding = false;
  await context.routeWebSocket(/\/collab\//, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      if (!holding) server.send(message);
    });
  });

  const saved = await context.newPage();
  await saved.goto(`${url}/stories/${story.id}`);
  await expectSaved(saved);
  await cursorToEnd(saved);
  await saved.keyboard.type(' Work resumes on Monday.');
  await expectSaved(saved);
  expect(await closeTab(saved)).toBeNull();

  const unsaved = await context.newPage();
  await unsaved.goto(`${url}/stories/${story.id}`);
  await expectSaved(unsaved);
  holding = true;
  await cursorToEnd(unsaved);
  await unsaved.keyboard.type(' The council blames the weather.');
  // Saving… at first; once the heartbeat finds the server silent (about 7 s), it reconnects and says so.
  await expect(connection(unsaved)).toHaveText(/^(Saving…|Connecting…|Offline — changes kept on this device)$/);
  expect(await closeTab(unsaved)).toBe('beforeunload');
  await context.close();
});
