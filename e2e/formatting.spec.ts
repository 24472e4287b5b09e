import { expect, test } from '@playwright/test';
import { adminCookie, apiAs, createAccount, signInCookie, signInContext, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cursorToEnd, expectSaved, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let nellie: Account;

test.beforeAll(async () => {
  nellie = await createAccount(copydesk.server.url, 'nellie', 'Nellie Bly', 'reporter');
});

interface ExportedJson {
  meta: { byline: string; section: string; tags: string[] };
  doc: { content: { type: string; attrs?: Record<string, unknown>; content?: { text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[] }[] }[] };
}

test('keyboard shortcuts, the link dialog and story details reach the stored story', async ({ page }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Rail fares frozen for a year', await signInCookie(url, nellie.username, nellie.password));
  await signInContext(page.context(), url, nellie);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);

  await cursorToEnd(page);
  await page.keyboard.press('ControlOrMeta+Alt+2');
  await expect(page.getByRole('button', { name: 'Subheading', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('Who pays');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Commuters ');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('save');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(' money, says ');

  await page.keyboard.press('ControlOrMeta+k');
  const linkDialog = page.getByRole('dialog', { name: 'Add link' });
  await linkDialog.getByLabel('Link address').fill('javascript:alert(1)');
  await linkDialog.getByLabel('Link text').fill('the regulator');
  await linkDialog.getByRole('button', { name: 'Add link' }).click();
  await expect(linkDialog.getByRole('alert')).toContainText('Use a web address');
  await linkDialog.getByLabel('Link address').fill('https://regulator.example/report');
  await linkDialog.getByRole('button', { name: 'Add link' }).click();
  await expect(linkDialog).toBeHidden();
  await expect(storyText(page).getByRole('link', { name: 'the regulator' })).toHaveAttribute(
    'href',
    'https://regulator.example/report',
  );

  await page.getByLabel('Section').fill('Transport');
  await page.getByRole('textbox', { name: 'Tags' }).fill('rail, fares');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag fares' })).toBeVisible();
  // The body copy, subheading (2) + paragraph (6), not the headline: the editor counts as the server does.
  await expect(page.getByText(/^Body: \d+ words$/)).toHaveText('Body: 8 words');
  await expectSaved(page);
  const admin = await adminCookie(url);
  await expect
    .poll(async () => (await apiAs<{ wordCount: number }>(url, admin, 'GET', `/api/articles/${story.id}`)).wordCount)
    .toBe(8);

  const exported = await apiAs<ExportedJson>(url, admin, 'GET', `/api/articles/${story.id}/export?format=json`);
  expect(exported.meta.section).toBe('Transport');
  expect(exported.meta.tags).toEqual(['rail', 'fares']);
  const heading = exported.doc.content.find((block) => block.type === 'heading');
  expect(heading?.attrs?.level).toBe(2);
  const paragraph = exported.doc.content.filter((block) => block.type === 'paragraph').at(-1);
  const marked = (paragraph?.content ?? []).map((text) => [text.text, (text.marks ?? []).map((mark) => mark.type).join()]);
  expect(marked).toEqual([
    ['Commuters ', ''],
    ['save', 'bold'],
    [' money, says ', ''],
    ['the regulator', 'link'],
  ]);
});

test('? outside the text and the Shortcuts button open the list of the toolbar shortcuts', async ({ page }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Library hours extended', await signInCookie(url, nellie.username, nellie.password));
  await signInContext(page.context(), url, nellie);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  // In the story text, ? is just a character.
  await cursorToEnd(page);
  await page.keyboard.type(' Why?');
  await expect(help).toBeHidden();
  await expect(storyText(page)).toContainText('Why?');

  await page.getByRole('button', { name: 'Bold' }).focus();
  await page.keyboard.press('Shift+Slash');
  await expect(help).toBeVisible();
  const bold = await page.getByRole('button', { name: 'Bold' }).getAttribute('title');
  expect(bold).toMatch(/^Bold \((.+)\)$/);
  await expect(help.getByRole('definition').nth(2)).toHaveText(bold!.replace(/^Bold \((.+)\)$/, '$1'));
  await expect(help.getByRole('term')).toHaveText(['Undo', 'Redo', 'Bold', 'Italic', 'Link', 'Subheading', 'Minor subheading', 'Quote', 'Bulleted list', 'Numbered list']);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
});
