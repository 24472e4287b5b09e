import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { Article } from '../shared/api.ts';
import { apiAs, createAccount, pageAs, signInCookie, type Account } from './support/accounts.ts';
import { expectSaved, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = path.resolve(ROOT, '../shared/fixtures/article-north-korea-exodus.txt');

const copydesk = useCopydesk();
let ed: Account;
let edCookie: string;

test.beforeAll(async () => {
  ed = await createAccount(copydesk.server.url, 'ed', 'Ed Editor', 'editor');
  edCookie = await signInCookie(copydesk.server.url, ed.username, ed.password);
});

/** Creates a story the way another tool would: POST /api/articles/import, as the editor. */
function importAs(format: 'text' | 'html', content: string): Promise<Article> {
  return apiAs<Article>(copydesk.server.url, edCookie, 'POST', '/api/articles/import', { format, content }, 201);
}

/** Submits and approves a story through the workflow routes. */
async function approve(id: string): Promise<void> {
  for (const to of ['in_review', 'approved']) {
    await apiAs(copydesk.server.url, edCookie, 'POST', `/api/articles/${id}/transitions`, { to });
  }
}

function publishing(page: Page) {
  return page.getByRole('region', { name: 'Publishing' });
}

test('an editor previews and publishes an approved story; the public page shows its figure caption and READ MORE link; unpublishing makes it 410', async ({
  browser,
}) => {
  const url = copydesk.server.url;
  const linked = await importAs('text', 'How the harbour was built\n\nStone by stone, from 1820 to 1846.');
  await approve(linked.id);
  const story = await importAs(
    'html',
    '<h1>Harbour reopens after dredging</h1><p>The harbour reopened on Monday after six months of work.</p>' +
      '<figure><img src="https://images.example/quay.jpg" alt="Boats at the old quay">' +
      '<figcaption>Boats return to the old quay. Photo: Ann Lee</figcaption></figure>' +
      `<p>READ MORE: <a href="/stories/${linked.id}">How the harbour was built</a></p>`,
  );
  await approve(story.id);

  const editor = await pageAs(browser, url, ed);
  await editor.goto(`${url}/stories/${story.id}`);
  await expectSaved(editor);
  await expect(publishing(editor)).toContainText('Not published');

  // The linked story is not out yet: the preview says so, points at the block, and publishing waits.
  await publishing(editor).getByRole('button', { name: 'Preview & publish…' }).click();
  let dialog = editor.getByRole('dialog', { name: 'Preview' });
  await expect(dialog.getByRole('alert')).toContainText('How the harbour was built');
  await expect(dialog.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  // The flash lasts two seconds, which a busy machine can spend between two steps of this test:
  // note every element the page animates from now on, and ask about the block afterwards.
  await editor.evaluate(() => {
    const flashed = new WeakSet<Element>();
    (window as unknown as { flashed: WeakSet<Element> }).flashed = flashed;
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
      flashed.add(this);
      return animate.apply(this, args);
    };
  });
  await dialog.getByRole('button', { name: 'Show in story' }).click();
  await expect(dialog).toBeHidden();
  // The READ MORE block is the one shown (and flashed).
  const readMoreBlock = storyText(editor).locator('aside.related-link');
  await expect(readMoreBlock).toBeInViewport();
  expect(await readMoreBlock.evaluate((element) => (window as unknown as { flashed: WeakSet<Element> }).flashed.has(element))).toBe(true);

  await apiAs(url, edCookie, 'POST', `/api/articles/${linked.id}/publish`, {}, 201);

  await publishing(editor).getByRole('button', { name: 'Preview & publish…' }).click();
  dialog = editor.getByRole('dialog', { name: 'Preview' });
  const preview = dialog.frameLocator('iframe[title="Published page preview"]');
  await expect(preview.locator('figcaption')).toContainText('Boats return to the old quay');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Harbour reopens after dredging');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(publishing(editor)).toContainText('Live');
  await expect(publishing(editor).getByRole('list', { name: 'Publications' })).toContainText('Version 1');
  const siteLink = publishing(editor).locator('.site-link a');
  const sitePath = await siteLink.getAttribute('href');
  expect(sitePath).toMatch(/^\/site\/[^/]+\/harbour-reopens-after-dredging$/);

  // No session: a fresh browser context reads the public page.
  const publicContext = await browser.newContext();
  const reader = await publicContext.newPage();
  const response = await reader.goto(url + sitePath);
  expect(response?.status()).toBe(200);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Harbour reopens after dredging');
  await expect(reader.locator('figcaption')).toContainText('Boats return to the old quay');
  await expect(reader.locator('figcaption')).toContainText('Ann Lee');
  const readMore = reader.getByRole('link', { name: 'How the harbour was built' });
  await expect(readMore).toHaveAttribute('href', /\/site\/[^/]+\/how-the-harbour-was-built$/);

  await publishing(editor).getByRole('button', { name: 'Unpublish…' }).click();
  const confirm = editor.getByRole('dialog', { name: 'Unpublish' });
  await confirm.getByRole('button', { name: 'Unpublish' }).click();
  await expect(confirm).toBeHidden();
  await expect(publishing(editor)).toContainText('Unpublished');
  // The publication stays on record.
  await expect(publishing(editor).getByRole('list', { name: 'Publications' })).toContainText('Version 1');

  const gone = await reader.goto(url + sitePath);
  expect(gone?.status()).toBe(410);
  await publicContext.close();
});

test('importing the fixture text in the UI makes a story whose READ MORE lines are READ MORE blocks', async ({ browser }) => {
  const url = copydesk.server.url;
  const fixture = fs.readFileSync(FIXTURE, 'utf8');
  const headline = fixture.split('\n', 1)[0]!.trim();
  const readMoreCount = fixture.split('\n').filter((line) => /^\s*READ MORE:/i.test(line)).length;
  expect(readMoreCount).toBeGreaterThan(0);

  const editor = await pageAs(browser, url, ed);
  await editor.goto(url);
  await editor.getByRole('button', { name: 'Import…' }).click();
  const dialog = editor.getByRole('dialog', { name: 'Import a story' });
  await dialog.getByLabel('File (.txt or .html)').setInputFiles(FIXTURE);
  await expect(dialog.getByRole('radio', { name: 'Plain text' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  await expect(editor).toHaveURL(/\/stories\/[^/]+$/);
  await expectSaved(editor);
  await expect(storyText(editor).getByRole('heading', { level: 1 })).toHaveText(headline);
  const blocks = storyText(editor).locator('aside.related-link');
  await expect(blocks).toHaveCount(readMoreCount);
  await expect(blocks.first()).toContainText("North Korea warns US against 'causing a stink'");
  // Their lines are not left behind as paragraphs.
  await expect(storyText(editor).locator('p', { hasText: /READ MORE:/ })).toHaveCount(0);
});
