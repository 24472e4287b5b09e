import { expect, test } from '@playwright/test';
import { createAccount, pageAs, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cursorToEnd, expectSaved, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let ed: Account;

test.beforeAll(async () => {
  ed = await createAccount(copydesk.server.url, 'ed', 'Ed Editor', 'editor');
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
