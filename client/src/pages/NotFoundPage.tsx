import { AppHeader } from '../components/AppHeader.tsx';
import { Link } from '../router/Link.tsx';

/** Any path the client does not know. */
export function NotFoundPage({ path }: { path: string }) {
  return (
    <div className="page">
      <AppHeader />
      <main className="list-main">
        <section className="empty-state">
          <h1>Page not found</h1>
          <p>
            Nothing lives at <code>{path}</code>.
          </p>
          <Link href="/" className="button button-primary">
            Back to all stories
          </Link>
        </section>
      </main>
    </div>
  );
}
