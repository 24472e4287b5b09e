import { useRef, useState } from 'react';
import { ROLE_LABELS, canManageUsers } from '../../../shared/roles.ts';
import { initials } from '../format/initials.ts';
import { Link } from '../router/Link.tsx';
import { navigate } from '../router/router.ts';
import { useSession } from '../session/sessionContext.ts';
import { SessionsDialog } from '../session/SessionsDialog.tsx';
import { MfaDialog } from '../mfa/MfaDialog.tsx';

/** Who is signed in (name and role), user management for admins, their sessions, and sign out. */
export function UserMenu() {
  const { user, signOut } = useSession();
  const menu = useRef<HTMLDetailsElement>(null);
  const [showingSessions, setShowingSessions] = useState(false);
  const [showingMfa, setShowingMfa] = useState(false);
  return (
    <>
      <details ref={menu} className="menu user-menu">
        <summary className="button button-quiet" aria-label={`Account: ${user.displayName}`}>
          <span className="avatar" style={{ background: user.color }} aria-hidden="true">
            {initials(user.displayName)}
          </span>
          <span className="user-menu-name">{user.displayName}</span>
        </summary>
        <div className="menu-items">
          <p className="menu-caption">
            Signed in as <strong>{user.username}</strong>
            <br />
            {ROLE_LABELS[user.role]}
          </p>
          {canManageUsers(user.role) ? <Link href="/users">Manage users</Link> : null}
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              if (menu.current) menu.current.open = false;
              setShowingSessions(true);
            }}
          >
            Sessions
          </button>
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              if (menu.current) menu.current.open = false;
              setShowingMfa(true);
            }}
          >
            Two-step sign-in
          </button>
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              navigate('/');
              void signOut();
            }}
          >
            Sign out
          </button>
        </div>
      </details>
      {showingSessions ? <SessionsDialog onClose={() => setShowingSessions(false)} /> : null}
      {showingMfa ? <MfaDialog onClose={() => setShowingMfa(false)} /> : null}
    </>
  );
}
