import { useEffect, useState } from 'react';
import type { Article } from '../../../shared/api.ts';
import { reviewFieldsOf } from './reviewSettings.ts';
import type { ReviewSettingsBody } from '../../../shared/review/reviewBodies.ts';
import { setReviewSettings } from './reviewApi.ts';
import { errorMessage } from '../format/errorMessage.ts';

/** Editors' review settings: suggestions required while in review, and the assigned length. */
export function ReviewSettingsPanel({ article, onChanged }: { article: Article; onChanged: (article: Article) => void }) {
  const { requireSuggestions, assignedWords } = reviewFieldsOf(article);
  const [words, setWords] = useState(assignedWords === null ? '' : String(assignedWords));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setWords(assignedWords === null ? '' : String(assignedWords)), [assignedWords]);

  async function save(body: ReviewSettingsBody) {
    setError(null);
    try {
      onChanged(await setReviewSettings(article.id, body));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  function saveWords() {
    const trimmed = words.trim();
    const next = trimmed === '' ? null : Number(trimmed);
    if (next !== null && (!Number.isInteger(next) || next <= 0)) {
      setError('The assigned length is a whole number of words.');
      return;
    }
    if (next !== assignedWords) void save({ assignedWords: next });
  }

  return (
    <section className="review-panel review-settings" aria-labelledby="review-settings-heading">
      <h2 id="review-settings-heading" className="panel-heading">
        Review
      </h2>
      <label className="checkbox">
        <input type="checkbox" checked={requireSuggestions} onChange={(event) => void save({ requireSuggestions: event.target.checked })} />
        Require suggestions in review
      </label>
      <label className="field">
        <span className="field-label">Assigned length (words)</span>
        <input
          className="field-input"
          type="number"
          min={1}
          inputMode="numeric"
          value={words}
          placeholder="No target"
          onChange={(event) => setWords(event.target.value)}
          onBlur={saveWords}
          onKeyDown={(event) => {
            if (event.key === 'Enter') saveWords();
          }}
        />
      </label>
      {error ? (
        <p className="comment-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
