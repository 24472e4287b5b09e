import { parseRoute, usePathname } from './router/router.ts';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { StoryEditorPage } from './pages/StoryEditorPage.tsx';
import { StoryListPage } from './pages/StoryListPage.tsx';

/** The whole client: one page per route. */
export function App() {
  const route = parseRoute(usePathname());
  switch (route.page) {
    case 'list':
      return <StoryListPage />;
    case 'story':
      return <StoryEditorPage key={route.id} articleId={route.id} />;
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}
