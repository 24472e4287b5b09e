import { expect, test } from '@playwright/test';
import { apiAs, createAccount, pageAs, signInCookie, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cursorToEnd, expectSaved, storyText, typeOffline } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let nellie: Account;
let ed: Account;

test.beforeAll(async () => {
  nellie = await createAccount(copydesk.server.url, 'nellie', 'Nellie Bly', 'reporter');
  ed = await createAccount(copydesk.server.url, 'ed', 'Ed Itor', 'editor');
});

test('words typed offline into a paragraph an editor deleted meanwhile are kept above the story for their writer', async ({ browser }) => {
  const url = copydesk.server.url;
  const nellieCookie = await signInCookie(url, nellie.username, nellie.password);
  const story = await createStory(url, 'Storm cuts power to the coast', nellieCookie);
  const nelliePage = await pageAs(browser, url, nellie);
  await nelliePage.goto(`${url}/stories/${story.id}`);
  await expectSaved(nelliePage);
  await cursorToEnd(nelliePage);
  await nelliePage.keyboard.type('The council approved the budget.');
  await nelliePage.keyboard.press('Enter');
  await nelliePage.keyboard.type('Crews worked through the night.');
  await expectSaved(nelliePage);

  const edPage = await pageAs(browser, url, ed);
  await edPage.goto(`${url}/stories/${story.id}`);
  await expectSaved(edPage);
  await expect(storyText(edPage)).toContainText('Crews worked through the night.');

  await typeOffline(nelliePage, ' Roads reopened at dawn.');
  // Ed deletes the paragraph she is typing in: from the end of the one before to the end of the story.
  await storyText(edPage).getByText('The council approved the budget.').click();
  await edPage.keyboard.press('End');
  await edPage.keyboard.press('Shift+ControlOrMeta+End');
  await edPage.keyboard.press('Backspace');
  await expectSaved(edPage);
  await expect(storyText(edPage)).not.toContainText('Crews worked');

  await nelliePage.context().setOffline(false);
  await expectSaved(nelliePage);
  await expect(storyText(nelliePage)).not.toContainText('Crews worked');
  // Her words are not gone: they wait above the story, on her device, across a reload; nothing was undone.
  const kept = nelliePage.getByRole('region', { name: 'Your words not in the story' });
  await expect(kept.locator('blockquote')).toHaveText('Roads reopened at dawn.');
  await expect(nelliePage.locator('.review-notice')).toHaveCount(0);
  await nelliePage.reload();
  await expectSaved(nelliePage);
  await expect(kept.locator('blockquote')).toHaveText('Roads reopened at dawn.');
  // Ed's page keeps nothing of hers, and the stored story has none of it.
  await expect(edPage.getByRole('region', { name: 'Your words not in the story' })).toHaveCount(0);
  const edCookie = await signInCookie(url, ed.username, ed.password);
  const stored = JSON.stringify(await apiAs<unknown>(url, edCookie, 'GET', `/api/articles/${story.id}/export?format=json`));
  expect(stored).not.toContain('Roads reopened');
  expect(stored).toContain('The council approved the budget.');
});
