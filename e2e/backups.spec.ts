import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_ADMIN_PASSWORD } from '../server/test/spawnServer.ts';
import { storedStory } from '../server/test/storedStory.ts';
import { DOC_FIELD } from '../shared/collab/docFields.ts';
import { databasePath } from '../server/storage/sqlite/openDatabase.ts';
import { createAccount, pageAs, signInCookie, signInWithForm, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cursorToEnd, expectSaved } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-e2e-backups-'));
const copydesk = useCopydesk({ BACKUP_DIR: backupDir, BACKUP_KEEP: '10' });
let ida: Account;

test.beforeAll(async () => {
  ida = await createAccount(copydesk.server.url, 'ida', 'Ida Wells', 'reporter');
});

test.afterAll(() => {
  fs.rmSync(backupDir, { recursive: true, force: true });
});

test('an admin sees the scheduled backups and backs up now; the new copy holds what a journalist had just saved', async ({ browser }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Ferry timetable changes', await signInCookie(url, ida.username, ida.password));
  const editor = await pageAs(browser, url, ida);
  await editor.goto(`${url}/stories/${story.id}`);
  await expectSaved(editor);
  await cursorToEnd(editor);
  await editor.keyboard.press('Enter');
  await editor.keyboard.type('The first ferry now leaves at six.');
  await expectSaved(editor);

  const admin = await (await browser.newContext()).newPage();
  await admin.goto(`${url}/users`);
  await signInWithForm(admin, { username: 'admin', password: TEST_ADMIN_PASSWORD });
  const panel = admin.getByRole('region', { name: 'Backups' });
  await expect(panel).toContainText('every 60 minutes, the newest 10 kept');
  // The copy the server took when it started.
  await expect(panel.getByRole('list', { name: 'Newest backups' }).getByRole('listitem')).toHaveCount(1);

  await panel.getByRole('button', { name: 'Back up now' }).click();
  await expect(panel.getByRole('status')).toHaveText(/^Backup written: copydesk-\d{8}T\d{6}\.\d{3}Z\.sqlite \(\d+(\.\d)? (bytes|kB|MB)\)\.$/);
  const rows = panel.getByRole('list', { name: 'Newest backups' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  const newest = (await rows.first().locator('code').textContent())!;

  // Restoring it: the file, copied into an empty data folder, holds the sentence she had saved.
  const restored = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-e2e-restored-'));
  try {
    fs.copyFileSync(path.join(backupDir, newest), databasePath(restored));
    expect(storedStory(restored, story.id).getXmlFragment(DOC_FIELD).toString()).toContain('The first ferry now leaves at six.');
  } finally {
    fs.rmSync(restored, { recursive: true, force: true });
  }
});
