import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { TEST_ADMIN_PASSWORD } from '../server/test/spawnServer.ts';
import { adminCookie, apiAs, createAccount, signInWithForm } from './support/accounts.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();

/** The code an authenticator app shows for `secret`, `stepsAhead` 30-second steps from now. */
function codeOf(secret: string, stepsAhead = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

/** Collects into `violations` every Content-Security-Policy violation the page reports. */
function watchCsp(page: Page, violations: string[]): void {
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
}

/** Goes through the setup on screen (password, QR code, key, first code); answers the key and the recovery codes shown. */
async function setUp(page: Page, password: string): Promise<{ secret: string; usedCode: string; recoveryCodes: string[] }> {
  // The password again first: a wrong one is refused and nothing is set up.
  await page.getByLabel('Your password').fill(`${password}?`);
  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That password is wrong.');
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toHaveCount(0);
  await page.getByLabel('Your password').fill(password);
  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await page.locator('.mfa-secret').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const usedCode = codeOf(secret);
  await page.getByLabel('Code from the app').fill(usedCode);
  await page.getByRole('button', { name: 'Turn on' }).click();
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allInnerTexts();
  await page.getByRole('button', { name: 'I have saved them' }).click();
  return { secret, usedCode, recoveryCodes };
}

test('a reporter turns two-step sign-in on from the account menu, then signs in with a code and with a recovery code', async ({ browser }) => {
  const url = copydesk.server.url;
  const account = await createAccount(url, 'tomas', 'Tomás Reyes', 'reporter');
  const page = await (await browser.newContext()).newPage();
  const violations: string[] = [];
  watchCsp(page, violations);
  await page.goto(url);
  await signInWithForm(page, account);

  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Two-step sign-in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Two-step sign-in' });
  const { secret, usedCode, recoveryCodes } = await setUp(page, account.password);
  await expect(dialog).toContainText('Two-step sign-in is on. 10 of your recovery codes are left.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Signing in again: the password first, then the code the app shows now.
  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const codeField = page.getByLabel('Code from your authenticator app');
  await expect(codeField).toBeFocused();
  // The code that turned it on was used: refused (the very code, even if the app shows a newer one by now).
  await codeField.fill(usedCode);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('wrong or was used already');
  await codeField.fill(codeOf(secret, 1));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
  await expect(page.locator('.user-menu summary')).toBeVisible();

  // Once more with a recovery code instead of the phone.
  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await codeField.fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
  await page.locator('.user-menu summary').click();
  await page.getByRole('button', { name: 'Two-step sign-in' }).click();
  await expect(dialog).toContainText('9 of your recovery codes are left.');
  expect(violations).toEqual([]);
});

test('an editor whose role requires two-step sign-in is sent to set it up, and then works as usual', async ({ browser }) => {
  const url = copydesk.server.url;
  const account = await createAccount(url, 'ines', 'Inés Marlow', 'editor');

  // The admin requires it for editors from the users page.
  const admin = await (await browser.newContext()).newPage();
  const violations: string[] = [];
  watchCsp(admin, violations);
  await admin.goto(`${url}/users`);
  await signInWithForm(admin, { username: 'admin', password: TEST_ADMIN_PASSWORD });
  const policy = admin.getByRole('region', { name: 'Two-step sign-in' });
  await policy.getByRole('checkbox', { name: 'Editor' }).check();
  await expect(policy.getByRole('status')).toHaveText('Saved.');
  expect(await apiAs(url, await adminCookie(url), 'GET', '/api/mfa/policy')).toEqual({ requiredRoles: ['editor'] });

  const page = await (await browser.newContext()).newPage();
  watchCsp(page, violations);
  await page.goto(url);
  await signInWithForm(page, account);
  await expect(page.getByRole('heading', { name: 'Set up two-step sign-in' })).toBeVisible();
  await expect(page.getByText('requires two-step sign-in for every editor')).toBeVisible();
  await setUp(page, account.password);
  await expect(page.getByRole('heading', { name: 'Set up two-step sign-in' })).toHaveCount(0);
  await expect(page.locator('.user-menu summary')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Stories', exact: true })).toBeVisible();
  expect(violations).toEqual([]);
});
