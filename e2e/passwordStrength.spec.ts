import { expect, test } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../server/test/spawnServer.ts';
import { createAccount, signInWithForm } from './support/accounts.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();

test('the new-user and edit-user forms show a password’s strength as it is typed, and hold back one the policy refuses', async ({ browser }) => {
  const url = copydesk.server.url;
  await createAccount(url, 'lena', 'Lena Marsh', 'reporter');
  const page = await (await browser.newContext()).newPage();
  const judgeRequests: string[] = [];
  page.on('request', (request) => {
    if (/judgePassword/.test(request.url())) judgeRequests.push(request.url());
  });
  await page.goto(`${url}/users`);
  await signInWithForm(page, { username: 'admin', password: TEST_ADMIN_PASSWORD });
  await expect(page.getByRole('button', { name: 'New user' })).toBeVisible();
  // The dictionaries are not part of the app: nothing of them has loaded yet.
  expect(judgeRequests).toEqual([]);

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Username').fill('hugo.night');
  await dialog.getByLabel('Display name').fill('Hugo Lantern');
  const password = dialog.getByLabel('Password');
  const create = dialog.getByRole('button', { name: 'Create user' });

  await password.fill('password1234');
  await expect(dialog.locator('.password-strength')).toContainText('Too weak. This is similar to a commonly used password.');
  await expect(create).toBeDisabled();
  expect(judgeRequests).toHaveLength(1);

  await password.fill('aaaaaaaaaaaa');
  await expect(dialog.locator('.password-strength')).toContainText('Repeated characters');
  await expect(create).toBeDisabled();

  await password.fill('hugo lantern walks');
  await expect(dialog.locator('.password-strength')).toContainText('Do not use the username or the display name in the password.');
  await expect(create).toBeDisabled();

  await password.fill('short');
  await expect(dialog.locator('.password-strength')).toContainText('Use at least 12 characters (this one has 5).');

  await password.fill('quiet orchard 🐙 sings at noon');
  await expect(dialog.locator('.password-strength')).toContainText('Very strong.');
  await expect(dialog.locator('.password-strength')).toHaveAttribute('data-score', '4');
  await create.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /hugo\.night/ })).toContainText('Hugo Lantern');

  // Resetting a password is judged against that account's names too.
  await page.getByRole('row', { name: /lena/ }).getByRole('button', { name: 'Edit lena' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit lena' });
  await edit.getByLabel('New password').fill('Lena Marsh 2031 desk');
  await expect(edit.locator('.password-strength')).toContainText('Do not use the username or the display name in the password.');
  await expect(edit.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  await edit.getByLabel('New password').fill('kettle harbour 7 lanterns');
  await expect(edit.locator('.password-strength')).toContainText('Very strong.');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();

  const lena = await (await browser.newContext()).newPage();
  await lena.goto(url);
  await signInWithForm(lena, { username: 'lena', password: 'kettle harbour 7 lanterns' });
  await expect(lena.locator('.user-menu')).toContainText('Lena Marsh');
});
