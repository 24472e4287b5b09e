import { expect, test, type Page } from '@playwright/test';
import { createAccount, pageAs, type Account } from './support/accounts.ts';
import { cursorToEnd, expectSaved, expectText, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let rosa: Account;
let ed: Account;

test.beforeAll(async () => {
  rosa = await createAccount(copydesk.server.url, 'rosa', 'Rosa Reporter', 'reporter');
  ed = await createAccount(copydesk.server.url, 'ed', 'Ed Editor', 'editor');
});

function sidebar(page: Page) {
  return page.locator('.workspace-side');
}

function version(page: Page, name: string) {
  return sidebar(page).getByRole('listitem').filter({ hasText: name });
}

function paragraphs(page: Page) {
  return storyText(page).locator('p:not(.standfirst)');
}

const LEAD = 'The council approved the harbour budget on Tuesday.';
const WORK = 'Work on the new quay starts in May.';

test('an editor restores one paragraph of an older version from the comparison; the reporter sees it back in place, the rest untouched', async ({ browser }) => {
  const url = copydesk.server.url;
  const reporter = await pageAs(browser, url, rosa);
  await reporter.goto(url);
  await reporter.getByRole('button', { name: 'New story' }).click();
  await reporter.getByRole('dialog', { name: 'New story' }).getByLabel('Headline').fill('Harbour budget');
  await reporter.getByRole('button', { name: 'Create story' }).click();
  await expectSaved(reporter);
  await cursorToEnd(reporter);
  await reporter.keyboard.press('Enter');
  await reporter.keyboard.type(LEAD);
  await reporter.keyboard.press('Enter');
  await reporter.keyboard.type(WORK);
  await expectSaved(reporter);

  const editor = await pageAs(browser, url, ed);
  await editor.goto(reporter.url());
  await expectSaved(editor);
  await expectText(paragraphs(editor).last(), WORK);

  // The editor keeps a version; the reporter then rewrites the last paragraph.
  await sidebar(editor).getByRole('button', { name: 'Save version…' }).click();
  const save = editor.getByRole('dialog', { name: 'Save version' });
  await save.getByLabel('Version name').fill('Before the rewrite');
  await save.getByRole('button', { name: 'Save version' }).click();
  await expect(save).toBeHidden();
  await expect(version(editor, 'Before the rewrite')).toBeVisible();

  await cursorToEnd(reporter);
  await reporter.keyboard.type(' Or in June, the mayor says.');
  const rewritten = `${WORK} Or in June, the mayor says.`;
  await expectSaved(reporter);
  await expectText(paragraphs(editor).last(), rewritten);

  // The comparison with the current story offers that paragraph, and only it, to restore.
  await version(editor, 'Before the rewrite').getByRole('button', { name: 'Compare' }).click();
  const compare = editor.getByRole('dialog', { name: /^Changes from version \d+ to the current story$/ });
  await expect(compare.frameLocator('iframe').locator('ins')).toContainText('Or in June, the mayor says.');
  const blocks = compare.getByRole('region', { name: /^Changed blocks of version \d+$/ });
  await expect(blocks.getByRole('listitem')).toHaveCount(1);
  await expect(blocks.getByRole('listitem')).toContainText('Paragraph · changed since');
  await blocks.getByRole('listitem').filter({ hasText: WORK }).getByRole('button', { name: 'Restore this' }).click();
  await expect(blocks.getByRole('status')).toContainText('restored for everyone in the story');
  await expect(blocks).toContainText('is in the story as it was');
  await expect(blocks.getByRole('listitem')).toHaveCount(0);

  // The reporter, in her own browser, sees the paragraph back in its place and the lead untouched.
  await expectText(paragraphs(reporter).last(), WORK);
  // (The story's first paragraph is the empty one it was created with.)
  await expectText(paragraphs(reporter).nth(1), LEAD);
  await expect(paragraphs(reporter)).toHaveCount(3);
  await expectSaved(reporter);
  await compare.getByRole('button', { name: 'Close' }).click();

  // The rewrite was kept as a version before the restore, and the activity log says what happened.
  await expect(version(editor, 'Before restoring a block of version')).toBeVisible();
  await editor.reload();
  await expect(editor.getByText(/Ed Editor restored a paragraph “Work on the new quay starts in May\.” from version \d+/)).toBeVisible();
});
