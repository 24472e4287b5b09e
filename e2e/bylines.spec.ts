import { expect, test, type Page } from '@playwright/test';
import type { Article } from '../shared/api.ts';
import { apiAs, createAccount, pageAs, signInCookie, type Account } from './support/accounts.ts';
import { expectSaved } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let ada: Account;
let ed: Account;
let edCookie: string;

test.beforeAll(async () => {
  const url = copydesk.server.url;
  ada = await createAccount(url, 'ada', 'Ada Admin', 'admin');
  ed = await createAccount(url, 'ed', 'Ed Editor', 'editor');
  await createAccount(url, 'rita', 'Rita Porter', 'reporter');
  edCookie = await signInCookie(url, ed.username, ed.password);
});

function publishing(page: Page) {
  return page.getByRole('region', { name: 'Publishing' });
}

test('a byline names a colleague from the directory and a free-text name; the preview shows both and warns about a missing section', async ({ browser }) => {
  const url = copydesk.server.url;

  // An admin keeps the desk's section list on the users page.
  const admin = await pageAs(browser, url, ada);
  await admin.goto(`${url}/users`);
  const sections = admin.getByRole('region', { name: 'Sections' });
  await sections.getByPlaceholder('New section, e.g. World').fill('Wrld');
  await sections.getByRole('button', { name: 'Add section' }).click();
  await sections.getByRole('button', { name: 'Rename Wrld' }).click();
  await sections.getByLabel('New name of Wrld').fill('World');
  await sections.getByRole('button', { name: 'Save' }).click();
  await sections.getByPlaceholder('New section, e.g. World').fill('Business');
  await sections.getByRole('button', { name: 'Add section' }).click();
  await expect(sections.getByRole('list', { name: 'Sections' }).getByRole('listitem')).toHaveText([/^Business/, /^World/]);
  await sections.getByPlaceholder('New section, e.g. World').fill('world');
  await sections.getByRole('button', { name: 'Add section' }).click();
  await expect(sections.getByRole('alert')).toContainText('already a section');

  const story = await apiAs<Article>(url, edCookie, 'POST', '/api/articles/import', { format: 'text', content: 'Harbour reopens\n\nThe harbour reopened on Monday.' }, 201);
  for (const to of ['in_review', 'approved']) await apiAs(url, edCookie, 'POST', `/api/articles/${story.id}/transitions`, { to });

  const editor = await pageAs(browser, url, ed);
  await editor.goto(`${url}/stories/${story.id}`);
  await expectSaved(editor);
  await editor.getByLabel('Section').fill('');

  // The byline field offers the people directory; a colleague's name becomes their account.
  const byline = editor.getByRole('combobox', { name: 'Byline', exact: true });
  await expect(editor.locator('datalist option[value="Rita Porter"]')).toHaveCount(1);
  await byline.fill('Rita Porter');
  await byline.press('Enter');
  await byline.fill('Sam Stringer');
  await byline.press('Enter');
  const authors = editor.getByRole('list', { name: 'Authors' }).getByRole('listitem');
  await expect(authors).toHaveText([/^Rita Porter@rita/, /^Sam Stringer×?$/]);
  // The section field offers the desk's sections.
  await expect(editor.locator('datalist option[value="World"]')).toHaveCount(1);
  await expectSaved(editor);

  await publishing(editor).getByRole('button', { name: 'Preview & publish…' }).click();
  let dialog = editor.getByRole('dialog', { name: 'Preview' });
  const preview = dialog.frameLocator('iframe[title="Published page preview"]');
  await expect(preview.locator('.byline')).toHaveText('By Rita Porter and Sam Stringer');
  const jsonLd = JSON.parse((await preview.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as { author?: unknown };
  expect(jsonLd.author).toEqual([
    { '@type': 'Person', name: 'Rita Porter' },
    { '@type': 'Person', name: 'Sam Stringer' },
  ]);
  const warnings = dialog.getByRole('status', { name: 'Warnings' });
  await expect(warnings).toContainText('The story has no section.');
  await expect(warnings).not.toContainText('byline');
  await expect(dialog.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // With a section from the list, the warning is gone.
  await editor.getByLabel('Section').fill('World');
  await expectSaved(editor);
  await publishing(editor).getByRole('button', { name: 'Preview & publish…' }).click();
  dialog = editor.getByRole('dialog', { name: 'Preview' });
  await expect(dialog.frameLocator('iframe[title="Published page preview"]').locator('.section')).toHaveText('World');
  await expect(dialog.getByRole('status', { name: 'Warnings' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The desk turns free text off: the section becomes a choice among the list's names.
  await sections.getByLabel('Sections from this list only').check();
  await expect(sections.getByLabel('Sections from this list only')).toBeChecked();
  await editor.reload();
  await expectSaved(editor);
  const section = editor.getByRole('combobox', { name: 'Section' });
  await expect(section.getByRole('option')).toHaveText(['No section', 'Business', 'World']);
  await expect(section).toHaveValue('World');
  await section.selectOption('Business');
  await expectSaved(editor);
  await expect
    .poll(async () => (await apiAs<{ meta: { section: string } }>(url, edCookie, 'GET', `/api/articles/${story.id}/export?format=json`)).meta.section)
    .toBe('Business');
});
