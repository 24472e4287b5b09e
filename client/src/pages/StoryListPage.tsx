import { useEffect, useState } from 'react';
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
import { useArticleList } from './useArticleList.ts';

function peopleOf(article: ArticleSummary): string {
  const assigned = article.assignees.map((person) => person.displayName);
  const creator = article.createdBy?.displayName;
  if (assigned.length === 0) return creator ? `by ${creator}` : '—';
  return creator && !article.assignees.some((a) => a.username === article.createdBy?.username)
    ? `${assigned.join(', ')} (by ${creator})`
    : assigned.join(', ');
}

/** Stories newest first, filtered by status and "mine", with their people and who is working in each right now. */
export function StoryListPage() {
  const { user } = useSession();
  const [status, setStatus] = useState<ArticleStatus | null>(null);
  const [mine, setMine] = useState(false);
  const { articles, error } = useArticleList({ status: status ?? undefined, mine });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const mayCreate = user.role !== 'viewer';
  const filtered = status !== null || mine;
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
          {articles && articles.length > 0 ? (
            <p className="list-count">
              {articles.length} {articles.length === 1 ? 'story' : 'stories'}
            </p>
          ) : null}
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
        </div>
        {error ? (
          <p className="banner banner-error" role="alert">
            {error}
          </p>
        ) : null}
        {articles === null && !error ? <p className="list-loading">Loading stories…</p> : null}
        {articles && articles.length === 0 && filtered ? (
          <section className="empty-state">
            <h2>No stories match these filters</h2>
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
                <th scope="col">Words</th>
                <th scope="col">Last change</th>
                <th scope="col">In the story</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((article) => (
                <tr key={article.id}>
                  <td className="story-headline">
                    <Link href={storyPath(article.id)}>{article.headline || 'Untitled story'}</Link>
                  </td>
                  <td>
                    <StatusBadge status={article.status} />
                  </td>
                  <td className="story-people-cell">{peopleOf(article)}</td>
                  <td className="numeric">{article.wordCount.toLocaleString('en')}</td>
                  <td>
                    <time dateTime={article.updatedAt} title={new Date(article.updatedAt).toLocaleString()}>
                      {relativeTime(article.updatedAt)}
                    </time>
                  </td>
                  <td>
                    <PeopleStack people={article.present ?? []} label="In this story now" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
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
