import { expect, test } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../server/test/spawnServer.ts';
import { createStory } from './support/copydeskServer.ts';
import { signInWithForm } from './support/accounts.ts';
import { expectSaved } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();

test('an admin creates an account in the UI, the new user signs in, and disabling them signs them out of an open story', async ({
  browser,
}) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Tram line extension opens');

  const admin = await (await browser.newContext()).newPage();
  await admin.goto(url);
  await signInWithForm(admin, { username: 'admin', password: TEST_ADMIN_PASSWORD });
  await admin.locator('.user-menu summary').click();
  await admin.getByRole('link', { name: 'Manage users' }).click();
  await expect(admin).toHaveURL(/\/users$/);

  await admin.getByRole('button', { name: 'New user' }).click();
  const create = admin.getByRole('dialog', { name: 'New user' });
  await create.getByLabel('Username').fill('tomas');
  await create.getByLabel('Display name').fill('Tomás Eloy');
  await create.getByLabel('Role').selectOption('viewer');
  await create.getByLabel('Password').fill('tram line password');
  await create.getByRole('button', { name: 'Create user' }).click();
  await expect(create).toBeHidden();
  const row = admin.getByRole('row', { name: /tomas/ });
  await expect(row).toContainText('Tomás Eloy');
  await expect(row).toContainText('Viewer');

  await row.getByRole('button', { name: 'Edit tomas' }).click();
  const edit = admin.getByRole('dialog', { name: 'Edit tomas' });
  await edit.getByLabel('Role').selectOption('editor');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Editor');

  // Tomás signs in where a link took him, and edits as an editor.
  const tomas = await (await browser.newContext()).newPage();
  await tomas.goto(`${url}/stories/${story.id}`);
  await signInWithForm(tomas, { username: 'tomas', password: 'tram line password' });
  await expectSaved(tomas);
  await expect(tomas.locator('.user-menu')).toContainText('Tomás Eloy');
  await expect(tomas.getByLabel('Story text')).toHaveAttribute('contenteditable', 'true');
  await expect(tomas.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Submit for review' })).toBeVisible();

  // Disabled, he is signed out of the open story at once.
  await row.getByRole('button', { name: 'Edit tomas' }).click();
  await edit.getByRole('checkbox', { name: /Disabled/ }).check();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(row).toContainText('Disabled');
  await expect(tomas.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // The admin signs out from the account menu.
  await admin.locator('.user-menu summary').click();
  await admin.getByRole('button', { name: 'Sign out' }).click();
  await expect(admin.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await admin.goto(`${url}/users`);
  await expect(admin.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test("this device keeps each account's copy of a story apart, and signing out deletes it", async ({ browser }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Council votes on night buses');
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}/stories/${story.id}`);
  await signInWithForm(page, { username: 'admin', password: TEST_ADMIN_PASSWORD });
  await expectSaved(page);

  const copies = () => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
  await expect.poll(copies).toContain(`copydesk-admin-story-${story.id}`);

  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect.poll(copies).not.toContain(`copydesk-admin-story-${story.id}`);
});
