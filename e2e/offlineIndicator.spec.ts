import { expect, test } from '@playwright/test';
import { apiAs, createAccount, signInCookie, signInContext, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { connection, cursorToEnd, expectSaved, storyText, typeOffline } from './support/editorPage.ts';
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

test('signing out warns while a story holds changes the server has not stored, and not once they are saved', async ({ page }) => {
  const url = copydesk.server.url;
  const cookie = await signInCookie(url, nellie.username, nellie.password);
  const story = await createStory(url, 'Rail strike called off', cookie);
  await signInContext(page.context(), url, nellie);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);

  await typeOffline(page, ' Talks resume on Friday.');
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => asked).toEqual(['1 story has changes the server has not stored yet. Signing out deletes them from this device. Sign out anyway?']);
  // Still signed in, the change still on this device: back online, opening the story sends it.
  await expect(page.locator('.user-menu summary')).toBeVisible();
  await page.context().setOffline(false);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);
  await expect(storyText(page)).toContainText('Talks resume on Friday.');

  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(asked).toHaveLength(1);
});
