import { useCallback, useEffect, useState } from 'react';
import type { PublicUser } from '../../../shared/accounts.ts';
import { ROLE_LABELS, canManageUsers } from '../../../shared/roles.ts';
import { listUsers } from '../api.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { Link } from '../router/Link.tsx';
import { useSession } from '../session/sessionContext.ts';
import { CreateUserDialog } from '../users/CreateUserDialog.tsx';
import { EditUserDialog } from '../users/EditUserDialog.tsx';
import { endUserSessions } from '../session/sessionsApi.ts';
import { MfaPolicyPanel } from '../mfa/MfaPolicyPanel.tsx';
import { SectionsPanel } from '../bylines/SectionsPanel.tsx';
import { BackupsPanel } from '../backups/BackupsPanel.tsx';
import { resetUserMfa } from '../mfa/mfaApi.ts';
import { errorMessage } from '../format/errorMessage.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';

/** User management for admins: every account, create one, change role, name, password or disabled. */
export function UsersPage() {
  const { user: me } = useSession();
  const [users, setUsers] = useState<PublicUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<PublicUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const allowed = canManageUsers(me.role);

  const refresh = useCallback(async () => {
    try {
      setUsers(await listUsers());
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);

  useEffect(() => {
    document.title = 'Users · Copydesk';
    if (allowed) void refresh();
  }, [allowed, refresh]);

  return (
    <div className="page">
      <AppHeader>
        <Link href="/" className="back-link">
          ← All stories
        </Link>
        <div className="masthead-spacer" />
        {allowed ? (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New user
          </button>
        ) : null}
      </AppHeader>
      <main className="list-main">
        <div className="list-heading">
          <h1>Users</h1>
        </div>
        {!allowed ? (
          <p className="banner banner-error" role="alert">
            Only administrators manage users.
          </p>
        ) : null}
        <ErrorBanner error={error} />
        {notice ? (
          <p className="banner" role="status">
            {notice}
          </p>
        ) : null}
        {users ? (
          <table className="story-table">
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.username} className={user.disabled ? 'is-disabled' : undefined}>
                  <td>
                    <code>{user.username}</code>
                  </td>
                  <td>
                    <span className="avatar-dot" style={{ background: user.color }} aria-hidden="true" /> {user.displayName}
                  </td>
                  <td>{ROLE_LABELS[user.role]}</td>
                  <td>{user.disabled ? 'Disabled' : 'Active'}</td>
                  <td className="numeric">
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`Edit ${user.username}`}
                      onClick={() => setEditing(user)}
                    >
                      Edit
                    </button>{' '}
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`Sign ${user.username} out everywhere`}
                      onClick={() => {
                        endUserSessions(user.username).then(
                          (ended) => setNotice(`Signed ${user.username} out of ${ended} ${ended === 1 ? 'session' : 'sessions'}.`),
                          (failure: unknown) => setError(errorMessage(failure)),
                        );
                      }}
                    >
                      Sign out everywhere
                    </button>{' '}
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`Reset two-step sign-in of ${user.username}`}
                      onClick={() => {
                        if (!window.confirm(`Reset ${user.username}'s two-step sign-in? They will sign in with their password alone, and set it up again.`)) return;
                        resetUserMfa(user.username).then(
                          () => setNotice(`Reset ${user.username}'s two-step sign-in.`),
                          (failure: unknown) => setError(errorMessage(failure)),
                        );
                      }}
                    >
                      Reset two-step
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {allowed ? <MfaPolicyPanel /> : null}
        {allowed ? <SectionsPanel /> : null}
        {allowed ? <BackupsPanel /> : null}
      </main>
      {creating ? (
        <CreateUserDialog
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            void refresh();
          }}
        />
      ) : null}
      {editing ? (
        <EditUserDialog
          user={editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      ) : null}
    </div>
  );
}
