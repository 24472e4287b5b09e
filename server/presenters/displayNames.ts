import type { UserStore } from '../storage/UserStore.ts';

/** Display names by lower-cased username: one read of the accounts for a whole response. */
export type DisplayNames = ReadonlyMap<string, string>;

/** Reads every account's display name once, for presenters that name people. */
export async function displayNames(users: Pick<UserStore, 'list'>): Promise<DisplayNames> {
  return new Map((await users.list()).map((user) => [user.username.toLowerCase(), user.displayName]));
}
