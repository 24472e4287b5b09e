import type { Article, StoryPerson } from '../../../shared/api.ts';

const list = (people: readonly StoryPerson[]) => (people.length === 0 ? 'Nobody yet' : people.map((p) => p.displayName).join(', '));

/** Who created the story, who is assigned to it and who reviews it. */
export function StoryPeople({ article }: { article: Pick<Article, 'createdBy' | 'assignees' | 'reviewer'> }) {
  return (
    <section className="story-people" aria-labelledby="story-people-heading">
      <h2 id="story-people-heading" className="panel-heading">
        People
      </h2>
      <dl className="people-list">
        <dt>Created by</dt>
        <dd>{article.createdBy?.displayName ?? 'Unknown'}</dd>
        <dt>Assigned</dt>
        <dd>{list(article.assignees)}</dd>
        <dt>Reviewer</dt>
        <dd>{article.reviewer?.displayName ?? 'Nobody yet'}</dd>
      </dl>
    </section>
  );
}
