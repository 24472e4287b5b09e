import type { StoryAuthor } from '../../../shared/authorship.ts';

/** Who wrote the story, each in the colour their words are shown in. */
export function AuthorshipLegend({ authors, error }: { authors: StoryAuthor[]; error: string | null }) {
  return (
    <section className="authorship-legend" aria-label="Authorship">
      <h2 className="authorship-legend-title">Who wrote what</h2>
      {error ? <p className="authorship-legend-error">{error}</p> : null}
      {authors.length === 0 && !error ? <p className="authorship-legend-empty">Nothing written yet.</p> : null}
      <ul>
        {authors.map((author) => (
          <li key={author.id} data-author={author.id}>
            <span className="authorship-swatch" style={{ backgroundColor: author.color }} aria-hidden="true" />
            {author.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
