import { createContext, useContext } from 'react';
import type { PublicUser } from '../../../shared/accounts.ts';

/** The signed-in account and what the app can do about it. */
export interface Session {
  user: PublicUser;
  /** Signs out on the server, then shows the sign-in page. */
  signOut: () => Promise<void>;
  /** Asks the server who is signed in again (after a socket was refused for want of a session). */
  recheck: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in account; only pages rendered inside SessionProvider (all but sign-in) may call it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a signed-in SessionProvider above it.');
  return session;
}
