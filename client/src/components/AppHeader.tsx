import type { ReactNode } from 'react';
import { Link } from '../router/Link.tsx';

/** The masthead on every page: the product name, then page-specific content. */
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
    </header>
  );
}
