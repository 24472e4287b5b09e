import type { ReactNode } from 'react';
import { Link } from '../router/Link.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The masthead on every signed-in page: the product name, page-specific content, the account menu. */
export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="masthead">
      <Link href="/" className="brand" aria-label="Copydesk: all stories">
        <span className="brand-mark" aria-hidden="true">
          C
        </span>
        <span className="brand-name">Copydesk</span>
      </Link>
      <div className="masthead-content">{children}</div>
      <UserMenu />
    </header>
  );
}
