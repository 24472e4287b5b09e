import { expect, test } from '@playwright/test';
import { apiAs, createAccount, signInCookie, signInContext, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { connection, cursorToEnd, expectSaved, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let nellie: Account;

test.beforeAll(async () => {
  nellie = await createAccount(copydesk.server.url, 'nellie', 'Nellie Bly', 'reporter');
});

test('the header says Offline as soon as the network goes, and saves what was typed offline once it is back', async ({ page }) => {
  const url = copydesk.server.url;
  const cookie = await signInCookie(url, nellie.username, nellie.password);
  const story = await createStory(url, 'Storm cuts power to the coast', cookie);
  await signInContext(page.context(), url, nellie);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);

  await page.context().setOffline(true);
  await expect(connection(page)).toContainText('Offline', { timeout: 3000 });
  await cursorToEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Crews worked through the night.');
  // Nothing typed offline is called saved.
  await expect(connection(page)).toContainText('Offline');
  const storedText = async () => JSON.stringify(await apiAs<unknown>(url, cookie, 'GET', `/api/articles/${story.id}/export?format=json`));
  expect(await storedText()).not.toContain('Crews worked through the night.');

  await page.context().setOffline(false);
  await expectSaved(page);
  expect(await storedText()).toContain('Crews worked through the night.');
});

test('offline, two tabs of the story on one device still share what is typed', async ({ page }) => {
  const url = copydesk.server.url;
  const cookie = await signInCookie(url, nellie.username, nellie.password);
  const story = await createStory(url, 'Ferries cancelled for a second day', cookie);
  await signInContext(page.context(), url, nellie);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);
  const other = await page.context().newPage();
  await other.goto(`${url}/stories/${story.id}`);
  await expectSaved(other);

  await page.context().setOffline(true);
  await expect(connection(page)).toContainText('Offline');
  await expect(connection(other)).toContainText('Offline');
  await cursorToEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Operators blame the gales.');
  await expect(storyText(other)).toContainText('Operators blame the gales.');

  await page.context().setOffline(false);
  await expectSaved(page);
  await expectSaved(other);
});
