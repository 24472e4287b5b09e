import { useEffect } from 'react';
import type { PublicUser } from '../../../shared/accounts.ts';
import { ROLE_LABELS } from '../../../shared/roles.ts';
import { MfaSetup } from './MfaSetup.tsx';

/**
 * What an account whose role requires two-step sign-in sees until it is on: the server refuses
 * everything else to this session (403 `mfa_enrolment_required`), so nothing else is shown.
 */
export function MfaEnrolmentPage({ user, onEnrolled, onSignOut }: { user: PublicUser; onEnrolled: () => void; onSignOut: () => void }) {
  useEffect(() => {
    document.title = 'Set up two-step sign-in · Copydesk';
  }, []);
  return (
    <main className="sign-in-page">
      <section className="sign-in-card mfa-enrolment-card" aria-labelledby="mfa-enrolment-title">
        <div className="sign-in-brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          <span className="brand-name">Copydesk</span>
        </div>
        <h1 id="mfa-enrolment-title">Set up two-step sign-in</h1>
        <p>
          Your administrator requires two-step sign-in for every {ROLE_LABELS[user.role].toLowerCase()}. Set it up to continue, {user.displayName}.
        </p>
        <MfaSetup onDone={onEnrolled} />
        <button type="button" className="button button-quiet" onClick={onSignOut}>
          Sign out
        </button>
      </section>
    </main>
  );
}
