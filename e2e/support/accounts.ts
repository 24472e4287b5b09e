import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { PublicUser } from '../../shared/accounts.ts';
import type { Role } from '../../shared/roles.ts';
import { TEST_ADMIN_PASSWORD } from '../../server/test/spawnServer.ts';
import { serveTestImages } from './editorPage.ts';

/** A test account and the password to sign in with. */
export interface Account {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** The `name=value` session cookie from a sign-in answer. */
function sessionCookie(response: Response): string {
  const pair = response.headers
    .getSetCookie()
    .map((line) => line.split(';', 1)[0] ?? '')
    .find((cookie) => cookie.startsWith('copydesk_session=') && cookie !== 'copydesk_session=');
  if (!pair) throw new Error('The sign-in answer set no session cookie.');
  return pair;
}

/** Signs in through the API outside any browser and returns the session cookie. */
export async function signInCookie(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`Signing in as ${username} failed: ${response.status} ${await response.text()}`);
  return sessionCookie(response);
}

/** The bootstrap admin's session cookie (spawnServer starts the server with TEST_ADMIN_PASSWORD). */
export function adminCookie(baseUrl: string): Promise<string> {
  return signInCookie(baseUrl, 'admin', TEST_ADMIN_PASSWORD);
}

/** Calls the API as the holder of `cookie`, from the server's own origin; throws on an unexpected status. */
export async function apiAs<T>(baseUrl: string, cookie: string, method: string, path: string, body?: unknown, expected = 200): Promise<T> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { Cookie: cookie, Origin: baseUrl, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Creates an account through POST /api/users as the admin. */
export async function createAccount(baseUrl: string, username: string, displayName: string, role: Role): Promise<Account> {
  // One the password policy accepts: no username or display name in it.
  const account = { username, displayName, role, password: 'e2e ferry lantern at dusk' };
  await apiAs<PublicUser>(baseUrl, await adminCookie(baseUrl), 'POST', '/api/users', account, 201);
  return account;
}

/** Signs a browser context in through the API; its pages then carry the session cookie. */
export async function signInContext(context: BrowserContext, baseUrl: string, account: Pick<Account, 'username' | 'password'>): Promise<void> {
  const response = await context.request.post(`${baseUrl}/api/session`, {
    data: { username: account.username, password: account.password },
    headers: { Origin: baseUrl },
  });
  expect(response.status()).toBe(200);
}

/** Contexts pageAs opened, closed after each test (see closeOpenedContexts). */
const opened = new Set<BrowserContext>();

/**
 * Closes every context pageAs opened: useCopydesk does it after each test, so no page of a finished
 * test keeps polling and redialling a server that has stopped while later specs run.
 */
export async function closeOpenedContexts(): Promise<void> {
  const contexts = [...opened];
  opened.clear();
  await Promise.all(contexts.map((context) => context.close().catch(() => {})));
}

/** A new browser context signed in as `account`, serving the test images, and a page in it. Closed after the test. */
export async function pageAs(browser: Browser, baseUrl: string, account: Account): Promise<Page> {
  const context = await browser.newContext();
  opened.add(context);
  await serveTestImages(context);
  await signInContext(context, baseUrl, account);
  return context.newPage();
}

/** Fills in the sign-in page the app shows to someone signed out. */
export async function signInWithForm(page: Page, account: Pick<Account, 'username' | 'password'>): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
}
