import { parseRoute, usePathname } from './router/router.ts';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { StoryEditorPage } from './pages/StoryEditorPage.tsx';
import { StoryListPage } from './pages/StoryListPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';

/** The whole client: sign-in first, then one page per route. */
export function App() {
  return (
    <SessionProvider>
      <Routes />
    </SessionProvider>
  );
}

function Routes() {
  const route = parseRoute(usePathname());
  switch (route.page) {
    case 'list':
      return <StoryListPage />;
    case 'story':
      return <StoryEditorPage key={route.id} articleId={route.id} />;
    case 'users':
      return <UsersPage />;
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}
