import { expect, test, type Page, type Route } from '@playwright/test';
import { apiAs, createAccount, signInCookie, signInContext, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { connection, cursorToEnd, expectSaved, storyText, typeOffline } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let nellie: Account;
let ed: Account;

test.beforeAll(async () => {
  nellie = await createAccount(copydesk.server.url, 'nellie', 'Nellie Bly', 'reporter');
  ed = await createAccount(copydesk.server.url, 'ed', 'Ed Itor', 'editor');
});

/**
 * Nellie's story goes to review and she opens it; her network goes, she types `text` at its end, Ed
 * approves the story, and her network comes back: the page on her read-only story, the line on it.
 */
async function typedOfflineWhileApproved(page: Page, headline: string, text: string) {
  const url = copydesk.server.url;
  const nellieCookie = await signInCookie(url, nellie.username, nellie.password);
  const edCookie = await signInCookie(url, ed.username, ed.password);
  const story = await createStory(url, headline, nellieCookie);
  const move = (cookie: string, to: string) => apiAs(url, cookie, 'POST', `/api/articles/${story.id}/transitions`, { to });
  await move(nellieCookie, 'in_review');
  await signInContext(page.context(), url, nellie);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);

  await typeOffline(page, text);
  await move(edCookie, 'approved');
  await page.context().setOffline(false);
  const storedText = async () => JSON.stringify(await apiAs<unknown>(url, edCookie, 'GET', `/api/articles/${story.id}/export?format=json`));
  return { sendBack: () => move(edCookie, 'draft'), storedText };
}

test('a line typed offline while the story was approved is never called saved, stays on screen, and is saved once the story is sent back', async ({ page }) => {
  const { sendBack, storedText } = await typedOfflineWhileApproved(page, 'Storm cuts power to the coast', ' Crews worked through the night.');
  await expect(connection(page)).toHaveText('Not saved: this story is read-only for you now. Your latest changes are kept on this device only.');
  await expect(storyText(page)).toContainText('Crews worked through the night.');
  expect(await storedText()).not.toContain('Crews worked through the night.');
  // The page re-read the story: the editor is read-only now, so nothing more can be typed into it.
  await expect(page.locator('.ProseMirror[contenteditable="false"]').first()).toBeVisible();

  await sendBack();
  await expectSaved(page);
  expect(await storedText()).toContain('Crews worked through the night.');
});

test('changes the server refused can be discarded: the device copy goes and the page shows the stored story', async ({ page }) => {
  const { storedText } = await typedOfflineWhileApproved(page, 'Pier reopens after repairs', ' A line nobody wanted.');
  await expect(connection(page)).toContainText('Not saved');

  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Discard them' }).click();
  await expectSaved(page);
  expect(asked).toEqual(['Discard the changes this device kept for this story? The server never stored them; they cannot be brought back.']);
  await expect(storyText(page)).not.toContainText('A line nobody wanted.');
  await expect(page.getByRole('button', { name: 'Discard them' })).toHaveCount(0);
  // Opened again, the story stays as the server has it.
  await page.reload();
  await expectSaved(page);
  await expect(storyText(page)).not.toContainText('A line nobody wanted.');
  expect(await storedText()).not.toContain('A line nobody wanted.');
});

test('an edit the server undoes (suggestions became required before the page heard) is explained, and the page switches to suggesting', async ({ page }) => {
  const url = copydesk.server.url;
  const nellieCookie = await signInCookie(url, nellie.username, nellie.password);
  const edCookie = await signInCookie(url, ed.username, ed.password);
  const story = await createStory(url, 'Storm cuts power to the coast', nellieCookie);
  await apiAs(url, nellieCookie, 'POST', `/api/articles/${story.id}/transitions`, { to: 'in_review' });
  await signInContext(page.context(), url, nellie);
  // While `holding`, the page's reads of the story wait: it cannot learn the new rule from its poll.
  let holding = false;
  const held: Route[] = [];
  await page.route(`**/api/articles/${story.id}`, (route) => {
    if (holding && route.request().method() === 'GET') held.push(route);
    else void route.continue();
  });
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);

  holding = true;
  // A read sent before the hold may still be answered after the change below: wait for the page's
  // next read (within its 4-second poll) to be held, so its copy of the story predates the change.
  await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await apiAs(url, edCookie, 'PUT', `/api/articles/${story.id}/review`, { requireSuggestions: true });
  await cursorToEnd(page);
  await page.keyboard.type(' Crews worked through the night.');
  await expect(page.locator('.review-notice')).toHaveText(
    'Your last edit was undone: edits to this story must be suggestions now. Make it again as a suggestion: words it took away are kept above the story.',
  );
  await expect(storyText(page)).not.toContainText('Crews worked');
  // Her words are not gone: they wait above the story, on this device, even across a reload.
  const undoneWords = page.getByRole('region', { name: 'Your words not in the story' });
  await expect(undoneWords.locator('blockquote')).toHaveText('Crews worked through the night.');

  holding = false;
  for (const route of held.splice(0)) await route.continue();
  // The refusal made the page re-read the story: it now requires suggesting, and what is typed stays, as a suggestion.
  await expect(page.locator('.suggesting-required')).toBeVisible();
  await expect(page.locator('ins.suggestion-insert')).toHaveCount(0);
  await page.reload();
  await expectSaved(page);
  await expect(undoneWords.locator('blockquote')).toHaveText('Crews worked through the night.');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  await undoneWords.getByRole('button', { name: 'Copy the words' }).click();
  await expect(undoneWords.locator('.undone-words-copy')).toHaveText('Copied.');
  await cursorToEnd(page);
  await page.keyboard.type(' ');
  await page.keyboard.press('ControlOrMeta+V');
  await expectSaved(page);
  await expect(page.locator('ins.suggestion-insert')).toContainText('Crews worked through the night.');
  await undoneWords.getByRole('button', { name: 'Dismiss' }).click();
  await expect(undoneWords).toHaveCount(0);
  await page.reload();
  await expectSaved(page);
  await expect(page.locator('ins.suggestion-insert')).toContainText('Crews worked through the night.');
  await expect(undoneWords).toHaveCount(0);
});
