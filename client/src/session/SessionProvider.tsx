import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PublicUser } from '../../../shared/accounts.ts';
import { ApiError, MFA_ENROLMENT_EVENT, SIGNED_OUT_EVENT, getMe, signOut as signOutOnServer } from '../api.ts';
import { getMfaStatus } from '../mfa/mfaApi.ts';
import { MfaEnrolmentPage } from '../mfa/MfaEnrolmentPage.tsx';
import { SessionContext, type Session } from './sessionContext.ts';
import { SignInPage } from './SignInPage.tsx';
import { errorMessage } from '../format/errorMessage.ts';
import { forgetLocalStores, unsavedStoreCount } from '../collab/localStores.ts';
import { unsavedSignOutQuestion } from './unsavedSignOutQuestion.ts';

type State =
  | { kind: 'loading' }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; user: PublicUser }
  /** Signed in, but the role requires two-step sign-in and it is not on: the session may only enrol. */
  | { kind: 'enrol'; user: PublicUser }
  | { kind: 'error'; message: string };

/**
 * Asks the server who is signed in (GET /api/me) and renders `children` only for a signed-in user.
 * Everyone else gets the sign-in page at the same address, so after signing in they land where
 * they were going. Any 401 from the API later brings the sign-in page back.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const land = useCallback(async (user: PublicUser) => {
    const mfa = await getMfaStatus();
    setState(mfa.enrolmentRequired ? { kind: 'enrol', user } : { kind: 'signedIn', user });
  }, []);

  const recheck = useCallback(async () => {
    try {
      await land(await getMe());
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) setState({ kind: 'signedOut' });
      else setState({ kind: 'error', message: errorMessage(failure) });
    }
  }, [land]);

  useEffect(() => {
    void recheck();
    const onSignedOut = () => setState({ kind: 'signedOut' });
    const onEnrolmentRequired = () => void recheck();
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    window.addEventListener(MFA_ENROLMENT_EVENT, onEnrolmentRequired);
    return () => {
      window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
      window.removeEventListener(MFA_ENROLMENT_EVENT, onEnrolmentRequired);
    };
  }, [recheck]);

  const signOut = useCallback(async () => {
    const username = state.kind === 'signedIn' || state.kind === 'enrol' ? state.user.username : null;
    const unsaved = username ? unsavedStoreCount(username) : 0;
    if (unsaved > 0 && !window.confirm(unsavedSignOutQuestion(unsaved))) return;
    try {
      await signOutOnServer();
    } finally {
      setState({ kind: 'signedOut' });
      // After the story pages have closed their sessions: the copies are then free to delete.
      if (username) void forgetLocalStores(username);
    }
  }, [state]);

  const session = useMemo<Session | null>(
    () => (state.kind === 'signedIn' ? { user: state.user, signOut, recheck } : null),
    [state, signOut, recheck],
  );

  switch (state.kind) {
    case 'loading':
      return <main className="sign-in-page" aria-busy="true" />;
    case 'error':
      return (
        <main className="sign-in-page">
          <section className="sign-in-card" role="alert">
            <h1>Copydesk is unreachable</h1>
            <p>{state.message}</p>
            <button type="button" className="button button-primary" onClick={() => void recheck()}>
              Try again
            </button>
          </section>
        </main>
      );
    case 'signedOut':
      return (
        <SignInPage
          onSignedIn={(user) =>
            land(user).catch((failure: unknown) => setState({ kind: 'error', message: errorMessage(failure) }))
          }
        />
      );
    case 'enrol':
      return <MfaEnrolmentPage user={state.user} onEnrolled={() => void recheck()} onSignOut={() => void signOut()} />;
    case 'signedIn':
      return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
  }
}
