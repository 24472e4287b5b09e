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

/** Selects the first occurrence of `words` in the story's body, as a drag of the mouse would. */
async function selectWords(page: Page, words: string): Promise<void> {
  await storyText(page).focus();
  await body(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the story`);
  }, words);
  // ProseMirror reads the new DOM selection on selectionchange.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(words);
}

function sidebar(page: Page) {
  return page.locator('.workspace-side');
}

function thread(page: Page, quote: string) {
  return page.getByRole('article', { name: `Comment thread on “${quote}”` });
}

function suggestion(page: Page, description: string) {
  return page.getByRole('listitem', { name: `Suggestion by Ed Editor: ${description}` });
}

function body(page: Page) {
  return storyText(page).locator('p').last();
}

function version(page: Page, name: string) {
  return sidebar(page).getByRole('listitem').filter({ hasText: name });
}

async function saveVersion(page: Page, name: string): Promise<void> {
  await sidebar(page).getByRole('button', { name: 'Save version…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save version' });
  await dialog.getByLabel('Version name').fill(name);
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog).toBeHidden();
  await expect(version(page, name)).toBeVisible();
}

test('an editor comments and suggests, the reporter replies, accepts one suggestion and rejects another; the editor compares versions and restores one', async ({
  browser,
}) => {
  const url = copydesk.server.url;
  const reporter = await pageAs(browser, url, rosa);
  await reporter.goto(url);
  await reporter.getByRole('button', { name: 'New story' }).click();
  await reporter.getByRole('dialog', { name: 'New story' }).getByLabel('Headline').fill('Council approves harbour budget');
  await reporter.getByRole('button', { name: 'Create story' }).click();
  await expectSaved(reporter);
  await cursorToEnd(reporter);
  await reporter.keyboard.press('Enter');
  await reporter.keyboard.type('The council approved the budget on Tuesday.');
  await expectSaved(reporter);

  const editor = await pageAs(browser, url, ed);
  await editor.goto(reporter.url());
  await expectSaved(editor);
  await expectText(body(editor), 'The council approved the budget on Tuesday.');
  await expect(editor.getByLabel('Desk limits')).toContainText('Headline 31/90');
  await expect(editor.getByLabel('Desk limits')).toContainText('Body 7 words');

  // The editor comments on "budget"; the reporter sees the thread and its highlight live.
  await selectWords(editor, 'budget');
  await editor.getByRole('button', { name: 'Comment', exact: true }).click();
  await sidebar(editor).getByLabel('Add a comment').fill('Which year’s budget?');
  await sidebar(editor).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(thread(editor, 'budget')).toContainText('Which year’s budget?');
  await expect(thread(reporter, 'budget')).toContainText('Which year’s budget?');
  await expect(storyText(reporter).locator('.comment-highlight')).toHaveText('budget');

  // The editor suggests: "Tuesday" replaced by "Wednesday", "council" deleted.
  await editor.getByRole('group', { name: 'Editing mode' }).getByRole('button', { name: 'Suggesting' }).click();
  await selectWords(editor, 'Tuesday');
  await editor.keyboard.type('Wednesday');
  await selectWords(editor, 'council');
  await editor.keyboard.press('Backspace');
  await expectSaved(editor);

  // The reporter sees both, underlined and struck through, and in the list.
  await expect(storyText(reporter).locator('ins.suggestion-insert')).toHaveText('Wednesday');
  await expect(storyText(reporter).locator('del.suggestion-delete')).toHaveText(['council', 'Tuesday']);
  const replace = suggestion(reporter, 'Replace “Tuesday” with “Wednesday”');
  const remove = suggestion(reporter, 'Delete “council”');
  await expect(replace).toBeVisible();
  await expect(remove).toBeVisible();

  // The reporter replies; the editor sees the reply.
  await thread(reporter, 'budget').getByLabel('Reply').fill('This year’s, the 2025 budget.');
  await thread(reporter, 'budget').getByRole('button', { name: 'Reply' }).click();
  await expect(thread(editor, 'budget')).toContainText('This year’s, the 2025 budget.');

  // The reporter accepts the replacement and rejects the deletion; both browsers converge.
  await replace.getByRole('button', { name: 'Accept' }).click();
  await remove.getByRole('button', { name: 'Reject' }).click();
  const reviewed = 'The council approved the budget on Wednesday.';
  await expectText(body(reporter), reviewed);
  await expectText(body(editor), reviewed);
  await expect(storyText(editor).locator('ins.suggestion-insert, del.suggestion-delete')).toHaveCount(0);
  await expect(storyText(editor).locator('.comment-highlight')).toHaveText('budget');
  await expectSaved(reporter);

  // Two versions: the reviewed text, then with a sentence more.
  await saveVersion(editor, 'After review');
  await editor.getByRole('group', { name: 'Editing mode' }).getByRole('button', { name: 'Editing' }).click();
  await cursorToEnd(editor);
  await editor.keyboard.type(' Work starts in May.');
  const longer = `${reviewed} Work starts in May.`;
  await expectText(body(reporter), longer);
  await expectSaved(editor);
  await saveVersion(editor, 'With the start date');

  // Compare the two: the added sentence is marked inserted.
  await version(editor, 'After review').getByRole('button', { name: 'Compare' }).click();
  const compare = editor.getByRole('dialog', { name: /^Changes from version/ });
  const to = compare.getByLabel('To');
  await to.selectOption({ label: (await to.locator('option', { hasText: 'With the start date' }).textContent()) ?? '' });
  const diff = compare.frameLocator('iframe');
  await expect(diff.locator('ins')).toContainText('Work starts in May.');
  await expect(diff.locator('body')).toContainText('The council approved the budget on Wednesday.');
  await compare.getByRole('button', { name: 'Close' }).click();
  await expect(compare).toBeHidden();

  // Restore the older one: everyone in the story gets the older text.
  await version(editor, 'After review').getByRole('button', { name: 'Restore…' }).click();
  const confirm = editor.getByRole('dialog', { name: /^Restore version \d+\?$/ });
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(confirm).toBeHidden();
  await expectText(body(editor), reviewed);
  await expectText(body(reporter), reviewed);
  await expect(version(editor, 'Before restoring version')).toBeVisible();
});
