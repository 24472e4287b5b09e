import { useEffect, useState } from 'react';
import type { ArticleSort } from '../../../shared/search/articleSorts.ts';
import type { ArticleStatus, ArticleSummary } from '../../../shared/api.ts';
import { STATUSES, STATUS_LABELS } from '../../../shared/workflow.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { PeopleStack } from '../components/PeopleStack.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { relativeTime } from '../format/relativeTime.ts';
import { Link } from '../router/Link.tsx';
import { navigate, storyPath } from '../router/router.ts';
import { useSession } from '../session/sessionContext.ts';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { NewStoryDialog } from './NewStoryDialog.tsx';
import { MoreStories } from './MoreStories.tsx';
import { SearchSnippet } from './SearchSnippet.tsx';
import { StorySearchBox } from './StorySearchBox.tsx';
import { useArticleList } from './useArticleList.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';

function peopleOf(article: ArticleSummary): string {
  const assigned = article.assignees.map((person) => person.displayName);
  const creator = article.createdBy?.displayName;
  if (assigned.length === 0) return creator ? `by ${creator}` : '—';
  return creator && !article.assignees.some((a) => a.username === article.createdBy?.username)
    ? `${assigned.join(', ')} (by ${creator})`
    : assigned.join(', ');
}

/**
 * Stories newest first (or by headline or status), filtered by status and "mine", searched by words
 * (each hit with a snippet), a page at a time; with their people and who is working in each right now.
 * Below 640 px wide the table is a list of cards.
 */
export function StoryListPage() {
  const { user } = useSession();
  const [status, setStatus] = useState<ArticleStatus | null>(null);
  const [mine, setMine] = useState(false);
  const [spiked, setSpiked] = useState(false);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ArticleSort | 'auto'>('auto');
  const searching = query.trim() !== '';
  const list = useArticleList({ status: status ?? undefined, mine, spiked, q: searching ? query : undefined, sort: sort === 'auto' ? undefined : sort });
  const { articles, error, total } = list;
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const mayCreate = user.role !== 'viewer';
  const filtered = status !== null || mine || spiked || searching;
  const [, setTick] = useState(0);

  useEffect(() => {
    document.title = 'Stories · Copydesk';
    // Keeps "2 minutes ago" true between refreshes.
    const timer = setInterval(() => setTick((tick) => tick + 1), 30_000);
    return () => clearInterval(timer);
  }, []);

  return (
    <div className="page">
      <AppHeader>
        {mayCreate ? (
          <button type="button" className="button button-quiet" onClick={() => setImporting(true)}>
            Import…
          </button>
        ) : null}
        {mayCreate ? (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New story
          </button>
        ) : null}
      </AppHeader>
      <main className="list-main">
        <div className="list-heading">
          <h1>Stories</h1>
          {articles && total !== null && total > 0 ? (
            <p className="list-count">
              {total} {total === 1 ? 'story' : 'stories'}
              {searching ? ' found' : ''}
            </p>
          ) : null}
        </div>
        <div className="list-tools">
          <StorySearchBox onSearch={setQuery} />
          <label className="list-sort">
            <span>Sort</span>
            <select value={sort} onChange={(event) => setSort(event.target.value as ArticleSort | 'auto')}>
              <option value="auto">{searching ? 'Best match' : 'Last change'}</option>
              {searching ? <option value="updated">Last change</option> : null}
              <option value="headline">Headline</option>
              <option value="status">Status</option>
            </select>
          </label>
        </div>
        <div className="list-filters" role="group" aria-label="Filter stories">
          <div className="segmented" role="group" aria-label="Status">
            {[null, ...STATUSES].map((option) => (
              <button
                key={option ?? 'all'}
                type="button"
                className="segment"
                aria-pressed={status === option}
                onClick={() => setStatus(option)}
              >
                {option === null ? 'All' : STATUS_LABELS[option]}
              </button>
            ))}
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={mine} onChange={(event) => setMine(event.target.checked)} />
            Mine
          </label>
          <label className="checkbox" title="Spiked stories are off the list until someone restores them">
            <input type="checkbox" checked={spiked} onChange={(event) => setSpiked(event.target.checked)} />
            Spiked
          </label>
        </div>
        <ErrorBanner error={error} />
        {articles === null && !error ? <p className="list-loading">Loading stories…</p> : null}
        {articles && articles.length === 0 && filtered ? (
          <section className="empty-state">
            <h2>{searching ? `No stories match “${query.trim()}”` : 'No stories match these filters'}</h2>
          </section>
        ) : null}
        {articles && articles.length === 0 && !filtered ? (
          <section className="empty-state">
            <h2>No stories yet — start the first one</h2>
            <p>Stories you and your colleagues create appear here, newest first.</p>
            {mayCreate ? (
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                Start a story
              </button>
            ) : null}
          </section>
        ) : null}
        {articles && articles.length > 0 ? (
          <table className="story-table">
            <thead>
              <tr>
                <th scope="col">Headline</th>
                <th scope="col">Status</th>
                <th scope="col">Reporters</th>
                <th scope="col" title="Words of the body copy, as the editor counts them">
                  Body words
                </th>
                <th scope="col">Last change</th>
                <th scope="col">In the story</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((article) => (
                <tr key={article.id} className="story-row">
                  <td className="story-headline">
                    <Link href={storyPath(article.id)}>{article.headline || 'Untitled story'}</Link>
                    {article.match ? <SearchSnippet match={article.match} /> : null}
                  </td>
                  <td className="story-status-cell">
                    <StatusBadge status={article.status} />
                    {article.spikedAt ? <span className="badge badge-spiked">Spiked</span> : null}
                  </td>
                  <td className="story-people-cell">{peopleOf(article)}</td>
                  <td className="numeric story-words-cell">
                    {article.wordCount.toLocaleString('en')}
                    <span className="story-card-unit"> body words</span>
                  </td>
                  <td className="story-changed-cell">
                    <time dateTime={article.updatedAt} title={new Date(article.updatedAt).toLocaleString()}>
                      {relativeTime(article.updatedAt)}
                    </time>
                  </td>
                  <td className="story-present-cell">
                    <PeopleStack people={article.present ?? []} label="In this story now" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {list.hasMore ? <MoreStories loading={list.loadingMore} onMore={() => void list.loadMore()} /> : null}
      </main>
      {creating ? (
        <NewStoryDialog
          onCancel={() => setCreating(false)}
          onCreated={(article) => {
            setCreating(false);
            navigate(storyPath(article.id));
          }}
        />
      ) : null}
      {importing ? (
        <ImportDialog
          onCancel={() => setImporting(false)}
          onImported={(article) => {
            setImporting(false);
            navigate(storyPath(article.id));
          }}
        />
      ) : null}
    </div>
  );
}
