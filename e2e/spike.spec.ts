import { expect, test } from '@playwright/test';
import { adminCookie, apiAs, createAccount, pageAs, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cursorToEnd, expectSaved, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let ed: Account;
let ada: Account;

test.beforeAll(async () => {
  ed = await createAccount(copydesk.server.url, 'ed', 'Ed Editor', 'editor');
  ada = await createAccount(copydesk.server.url, 'ada', 'Ada Admin', 'admin');
});

test('an editor spikes a story from the story, finds it under Spiked, reads it read-only and restores it', async ({ browser }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Ferry strike called off');
  const page = await pageAs(browser, url, ed);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);
  await expect(storyText(page)).toHaveAttribute('contenteditable', 'true');

  await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Spike…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Spike this story?' });
  await expect(dialog).toContainText('Ferry strike called off');
  await dialog.getByRole('button', { name: 'Spike' }).click();
  await expect(dialog).toBeHidden();
  const banner = page.getByRole('region', { name: 'Spiked story' });
  await expect(banner).toContainText('Spiked by Ed Editor');
  await expect(storyText(page)).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('list', { name: 'Story activity' })).toContainText('Ed Editor spiked it');

  // Off the list; the Spiked filter shows it.
  await page.getByRole('link', { name: '← All stories' }).click();
  await expect(page.getByRole('link', { name: 'Ferry strike called off' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Spiked' }).check();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Ferry strike called off' }) });
  await expect(row).toContainText('Spiked');
  await row.getByRole('link', { name: 'Ferry strike called off' }).click();

  // Read-only until restored.
  await expect(page.getByRole('region', { name: 'Spiked story' })).toBeVisible();
  await expect(storyText(page)).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Submit for review' })).toHaveCount(0);
  await page.getByRole('region', { name: 'Spiked story' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('region', { name: 'Spiked story' })).toHaveCount(0);
  await expect(storyText(page)).toHaveAttribute('contenteditable', 'true');
  await cursorToEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('The union accepted the offer.');
  await expectSaved(page);
  await expect(storyText(page)).toContainText('The union accepted the offer.');

  await page.getByRole('link', { name: '← All stories' }).click();
  await expect(page.getByRole('link', { name: 'Ferry strike called off' })).toBeVisible();
});

test('an admin deletes a spiked story for good; a reader who has it open is told it was deleted', async ({ browser }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Wrong ferry figures');
  await apiAs(url, await adminCookie(url), 'POST', `/api/articles/${story.id}/spike`);
  const reader = await pageAs(browser, url, ed);
  await reader.goto(`${url}/stories/${story.id}`);
  await expect(reader.getByRole('region', { name: 'Spiked story' })).toBeVisible();
  await expect(reader.getByRole('region', { name: 'Spiked story' }).getByRole('button', { name: 'Delete for good…' })).toHaveCount(0);

  const admin = await pageAs(browser, url, ada);
  await admin.goto(`${url}/stories/${story.id}`);
  await admin.getByRole('region', { name: 'Spiked story' }).getByRole('button', { name: 'Delete for good…' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Delete this story for good?' });
  await expect(dialog).toContainText('Wrong ferry figures');
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(admin.getByRole('checkbox', { name: 'Spiked' })).toBeVisible();
  await admin.getByRole('checkbox', { name: 'Spiked' }).check();
  await expect(admin.getByRole('link', { name: 'Wrong ferry figures' })).toHaveCount(0);
  await expect(reader.getByRole('heading', { name: 'This story was deleted.' })).toBeVisible();
});
