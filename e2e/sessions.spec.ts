import { expect, test } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../server/test/spawnServer.ts';
import { adminCookie, createAccount, signInWithForm } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { expectSaved } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

test('a user sees their sessions and signs one out from the account menu; an admin signs a user out everywhere', async ({ browser }) => {
  const url = copydesk.server.url;
  const account = await createAccount(url, 'nadia', 'Nadia Okafor', 'editor');
  const story = await createStory(url, 'Harbour bridge reopens', await adminCookie(url));

  // Nadia has the story open on her laptop and on another computer.
  const laptop = await (await browser.newContext()).newPage();
  await laptop.goto(`${url}/stories/${story.id}`);
  await signInWithForm(laptop, account);
  await expectSaved(laptop);
  const desktop = await (await browser.newContext({ userAgent: FIREFOX_ON_WINDOWS })).newPage();
  await desktop.goto(`${url}/stories/${story.id}`);
  await signInWithForm(desktop, account);
  await expectSaved(desktop);

  await laptop.locator('.user-menu summary').click();
  await laptop.getByRole('button', { name: 'Sessions' }).click();
  const dialog = laptop.getByRole('dialog', { name: 'Sessions' });
  const rows = dialog.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  const here = dialog.getByRole('listitem', { name: 'Chrome on Linux, this browser' });
  await expect(here).toContainText('This browser');
  await expect(here).toContainText(/127\.0\.0\.1|::1/);
  await expect(here).toContainText('signed in just now');
  const other = dialog.getByRole('listitem', { name: 'Firefox on Windows' });
  await expect(other).not.toContainText('This browser');

  // Signing the other computer out closes its story there at once; the laptop keeps editing.
  await other.getByRole('button', { name: 'Sign out' }).click();
  await expect(desktop.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Sign out everywhere else' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expectSaved(laptop);

  // The admin signs Nadia out everywhere from the users page.
  const admin = await (await browser.newContext()).newPage();
  await admin.goto(`${url}/users`);
  await signInWithForm(admin, { username: 'admin', password: TEST_ADMIN_PASSWORD });
  await admin.getByRole('row', { name: /nadia/ }).getByRole('button', { name: 'Sign nadia out everywhere' }).click();
  await expect(admin.getByText('Signed nadia out of 1 session.')).toBeVisible();
  await expect(laptop.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
