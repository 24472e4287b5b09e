import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Article } from '../shared/api.ts';
import { adminCookie, apiAs, createAccount, signInCookie, signInContext, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cursorToEnd, expectSaved, expectText, serveTestImages, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let nellie: Account;
let eve: Account;

test.beforeAll(async () => {
  nellie = await createAccount(copydesk.server.url, 'nellie', 'Nellie Bly', 'reporter');
  eve = await createAccount(copydesk.server.url, 'eve', 'Eve Editor', 'editor');
});

test('Enter at the end of a figure caption goes on in a paragraph below the figure', async ({ page }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Harbour lights return', await signInCookie(url, nellie.username, nellie.password));
  await serveTestImages(page.context());
  await signInContext(page.context(), url, nellie);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);

  await cursorToEnd(page);
  await page.keyboard.press('Enter');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Insert figure' });
  await dialog.getByLabel('Image URL').fill('https://images.example/lights.png');
  await dialog.getByLabel('Alt text').fill('Lamps along the harbour wall');
  await dialog.getByLabel('Credit').fill('Ann Lee');
  await dialog.getByRole('button', { name: 'Insert figure' }).click();
  await expect(dialog).toBeHidden();
  const figure = storyText(page).locator('figure');
  await figure.locator('figcaption').click();
  await page.keyboard.type('The lamps were relit on Friday.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Residents gathered to watch.');
  await expectText(figure.locator('figcaption'), 'The lamps were relit on Friday.');
  await expectSaved(page);
  const json = await apiAs<{ doc: { content: { type: string; content?: { text?: string }[] }[] } }>(
    url,
    await adminCookie(url),
    'GET',
    `/api/articles/${story.id}/export?format=json`,
  );
  const blocks = json.doc.content;
  const at = blocks.findIndex((block) => block.type === 'figure');
  expect(blocks[at + 1]).toMatchObject({ type: 'paragraph', content: [{ text: 'Residents gathered to watch.' }] });
});

test('inserting a figure without alt text or credit takes a warning and a second, deliberate click', async ({ page }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Quay repairs begin', await signInCookie(url, nellie.username, nellie.password));
  await serveTestImages(page.context());
  await signInContext(page.context(), url, nellie);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);
  await cursorToEnd(page);
  await page.keyboard.press('Enter');

  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Insert figure' });
  await dialog.getByLabel('Image URL').fill('https://images.example/quay.png');
  await dialog.getByRole('button', { name: 'Insert figure' }).click();
  await expect(dialog.getByRole('alert')).toContainText('no alt text and credit');
  await expect(storyText(page).locator('figure')).toHaveCount(0);

  // Filling one field asks again about what is still missing.
  await dialog.getByLabel('Alt text').fill('Scaffolding on the quay');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Insert figure' }).click();
  await expect(dialog.getByRole('alert')).toContainText('no credit');
  await dialog.getByRole('button', { name: 'Insert figure without credit' }).click();
  await expect(dialog).toBeHidden();
  await expect(storyText(page).locator('figure img')).toHaveAttribute('alt', 'Scaffolding on the quay');
  await expectSaved(page);
});

test('the assigned length field is as tall and wide as the other fields', async ({ browser }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Budget talks stall', await signInCookie(url, nellie.username, nellie.password));
  const context = await browser.newContext();
  await signInContext(context, url, eve);
  const page = await context.newPage();
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);
  const assigned = page.getByLabel('Assigned length (words)');
  const section = page.getByLabel('Section');
  const [assignedBox, sectionBox] = [await assigned.boundingBox(), await section.boundingBox()];
  expect(assignedBox!.height).toBeGreaterThanOrEqual(sectionBox!.height - 2);
  expect(assignedBox!.width).toBeGreaterThanOrEqual(sectionBox!.width * 0.9);
  await assigned.fill('600');
  await assigned.press('Enter');
  await expect(page.getByTitle('Body words against the assigned length')).toContainText('600');
  await context.close();
});

test('an imported wire story keeps its lede in the body and shows the desk its unlinked READ MORE blocks and stray captions', async ({ page }) => {
  const url = copydesk.server.url;
  const cookie = await signInCookie(url, nellie.username, nellie.password);
  const content = readFileSync(new URL('../../shared/fixtures/article-north-korea-exodus.txt', import.meta.url), 'utf8');
  const story = await apiAs<Article>(url, cookie, 'POST', '/api/articles/import', { format: 'text', content }, 201);
  await signInContext(page.context(), url, nellie);
  await page.goto(`${url}/stories/${story.id}`);
  await expectSaved(page);

  const body = storyText(page);
  await expect(body.locator('.standfirst')).toHaveText('');
  await expect(body.locator('p:not(.standfirst)').first()).toContainText('Foreign diplomats and aid workers have fled North Korea');
  const unlinked = body.locator('.hint-unlinked');
  await expect(unlinked).toHaveCount(2);
  await expect(unlinked.first()).toHaveAttribute('title', /without a link/);
  await expect(body.locator('.hint-caption')).toHaveCount(3);
  await expect(body.locator('.hint-caption').nth(1)).toContainText('this Russian family');
});
