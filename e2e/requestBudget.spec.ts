import { expect, test } from '@playwright/test';
import { adminCookie, createAccount, pageAs, signInCookie, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cursorToEnd, expectSaved } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

// A budget her own pages stay well within for the whole test; a script's loop does not.
const copydesk = useCopydesk({ REQUEST_BUDGET_POINTS: '150', REQUEST_BUDGET_WINDOW_SECONDS: '600' });
let ida: Account;

test.beforeAll(async () => {
  ida = await createAccount(copydesk.server.url, 'ida', 'Ida Wells', 'reporter');
});

test('an account over its request budget is told so in words, and what she types on the open story is still stored', async ({ browser }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Ferry strike talks resume', await signInCookie(url, ida.username, ida.password));
  const editor = await pageAs(browser, url, ida);
  await editor.goto(`${url}/stories/${story.id}`);
  await expectSaved(editor);

  // A script with her account asks again and again until the server refuses it.
  const script = await signInCookie(url, ida.username, ida.password);
  let status = 200;
  for (let i = 0; i < 200 && status === 200; i++) status = (await fetch(`${url}/api/sections`, { headers: { Cookie: script } })).status;
  expect(status).toBe(429);

  // Her story list cannot load now, and says why in the server's words (not "too many attempts").
  const desk = await editor.context().newPage();
  await desk.goto(url);
  await expect(desk.getByRole('alert')).toHaveText(/^Too many requests from your account at once\. Try again in \d+ s\.$/);

  // Typing is never charged: what she types is stored and reaches the story.
  await cursorToEnd(editor);
  await editor.keyboard.type(' Talks resume at noon.');
  await expectSaved(editor);
  const exported = await fetch(`${url}/api/articles/${story.id}/export?format=text`, { headers: { Cookie: await adminCookie(url) } });
  expect(exported.status).toBe(200);
  expect(await exported.text()).toContain('Talks resume at noon.');
});
