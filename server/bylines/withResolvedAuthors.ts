import { formatByline, resolveAuthors } from '../../shared/article/byline.ts';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import type { UserStore } from '../storage/UserStore.ts';

/**
 * `article` with each account author named as the people directory names the account now (a
 * renamed colleague's byline follows), and the plain-text byline rebuilt from them. Exporters are
 * pure and read names only: call this before them. The plain-text byline always follows the list (an
 * older client may have typed over it); a story without a list is returned as is.
 */
export async function withResolvedAuthors(article: ArticleJson, users: Pick<UserStore, 'findByUsername'>): Promise<ArticleJson> {
  const authors = article.meta.authors;
  if (!authors) return article;
  const names = new Map<string, string>();
  for (const author of authors) {
    if (author.username === undefined) continue;
    const user = await users.findByUsername(author.username);
    if (user) names.set(author.username.toLowerCase(), user.displayName);
  }
  const resolved = resolveAuthors(authors, names);
  return { ...article, meta: { ...article.meta, authors: resolved, byline: formatByline(resolved) } };
}
