import { expect, test, type Page } from '@playwright/test';
import { createAccount, pageAs, type Account } from './support/accounts.ts';
import { cursorToEnd, expectSaved, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let rosa: Account;
let ed: Account;

test.beforeAll(async () => {
  rosa = await createAccount(copydesk.server.url, 'rosa', 'Rosa Reporter', 'reporter');
  ed = await createAccount(copydesk.server.url, 'ed', 'Ed Editor', 'editor');
});

function workflow(page: Page) {
  return page.getByRole('region', { name: 'Workflow' });
}

/** Clicks a workflow button, writes the note and confirms. */
async function take(page: Page, action: string, note?: string): Promise<void> {
  await workflow(page).getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (note !== undefined) await dialog.getByLabel(/^Note/).fill(note);
  await dialog.getByRole('button', { name: action }).click();
  await expect(dialog).toBeHidden();
}

test('a reporter submits, an editor sends it back with a note, the reporter resubmits, the editor approves and the story locks', async ({
  browser,
}) => {
  const url = copydesk.server.url;
  const reporter = await pageAs(browser, url, rosa);
  await reporter.goto(url);
  await reporter.getByRole('button', { name: 'New story' }).click();
  await reporter.getByRole('dialog', { name: 'New story' }).getByLabel('Headline').fill('Council approves harbour budget');
  await reporter.getByRole('button', { name: 'Create story' }).click();
  await expectSaved(reporter);
  await expect(workflow(reporter)).toContainText('Draft');
  await expect(workflow(reporter).getByRole('button')).toHaveText(['Submit for review', 'Spike…']);
  await cursorToEnd(reporter);
  await reporter.keyboard.press('Enter');
  await reporter.keyboard.type('The council voted 7 to 2, the mayor said.');
  await expectSaved(reporter);
  await take(reporter, 'Submit for review');
  await expect(workflow(reporter)).toContainText('In review');
  await expect(workflow(reporter).getByRole('button')).toHaveCount(0);

  // The editor, in another browser, finds it among the stories in review.
  const editor = await pageAs(browser, url, ed);
  await editor.goto(url);
  await editor.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'In review' }).click();
  await editor.getByRole('link', { name: 'Council approves harbour budget' }).click();
  await expectSaved(editor);
  await expect(storyText(editor)).toContainText('The council voted 7 to 2');
  // Carets carry the accounts' display names.
  await cursorToEnd(reporter);
  await cursorToEnd(editor);
  await expect(editor.locator('.collaboration-carets__label', { hasText: 'Rosa Reporter' })).toBeVisible();
  await expect(reporter.locator('.collaboration-carets__label', { hasText: 'Ed Editor' })).toBeVisible();
  await expect(workflow(editor).getByRole('button', { name: 'Approve' })).toBeVisible();

  // Sending back needs a note.
  await workflow(editor).getByRole('button', { name: 'Send back' }).click();
  const sendBack = editor.getByRole('dialog', { name: 'Send back' });
  await expect(sendBack.getByRole('button', { name: 'Send back' })).toBeDisabled();
  await sendBack.getByLabel(/^Note/).fill('Name the two councillors who voted against.');
  await sendBack.getByRole('button', { name: 'Send back' }).click();
  await expect(sendBack).toBeHidden();
  await expect(workflow(editor)).toContainText('Draft');

  // The reporter sees the note without reloading, fixes the story and resubmits.
  const note = reporter.getByRole('region', { name: 'Sent back' });
  await expect(note).toContainText('Sent back by Ed Editor');
  await expect(note).toContainText('Name the two councillors who voted against.');
  await expect(workflow(reporter)).toContainText('Draft');
  await expect(reporter.getByRole('list', { name: 'Story activity' })).toContainText('Ed Editor sent it back to draft');
  await cursorToEnd(reporter);
  await reporter.keyboard.type(' Councillors Diaz and Okafor voted against.');
  await expectSaved(reporter);
  await take(reporter, 'Submit for review', 'Added the names.');
  await expect(note).toHaveCount(0);

  // The editor approves; the reporter's copy becomes read-only.
  await expect(workflow(editor)).toContainText('In review');
  await expect(storyText(editor)).toContainText('Diaz and Okafor');
  await take(editor, 'Approve');
  await expect(workflow(editor)).toContainText('Approved');
  await expect(workflow(editor).getByRole('button', { name: 'Publish' })).toBeVisible();

  await expect(workflow(reporter)).toContainText('Approved');
  await expect(reporter.getByRole('note')).toHaveText(
    'Read only: approved stories are locked for reporters until an editor reopens them.',
  );
  await expect(storyText(reporter)).toHaveAttribute('contenteditable', 'false');
  await expect(reporter.getByRole('button', { name: 'Bold' })).toHaveCount(0);
  const activity = reporter.getByRole('list', { name: 'Story activity' });
  await expect(activity).toContainText('Ed Editor approved it');
  await expect(activity).toContainText('Added the names.');
  await expect(activity).toContainText('Rosa Reporter created the story');

  // Publishing from the workflow bar shows the exact page first; nothing goes out before the editor confirms.
  await workflow(editor).getByRole('button', { name: 'Publish' }).click();
  const preview = editor.getByRole('dialog', { name: 'Preview' });
  await expect(preview.frameLocator('iframe[title="Published page preview"]').getByText('Diaz and Okafor')).toBeVisible();
  await expect(workflow(editor)).toContainText('Approved');
  await preview.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(preview).toBeHidden();
  await expect(workflow(editor)).toContainText('Published');
  await expect(activity).toContainText('Ed Editor published it');
});
