import type { PublicUser } from '../../shared/accounts.ts';
import type { UserRecord } from '../storage/UserStore.ts';

/** The only shape in which an account leaves the server: no id, no password hash. */
export function publicUser(user: UserRecord): PublicUser {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    color: user.color,
    disabled: user.disabled,
    createdAt: user.createdAt,
  };
}
