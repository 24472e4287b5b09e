import { useState } from 'react';

/**
 * Words of the writer's that the story did not keep: the server undid them (she typed them as plain
 * edits where suggestions are required, offline perhaps), or she typed them into a paragraph a
 * colleague deleted meanwhile. Kept above the story, on this device, until she dismisses them, so
 * she can copy them and paste them back where they belong. Pasted while suggesting, they go in as
 * her suggestion.
 */
export function UndoneWords({ words, onDismiss }: { words: readonly string[]; onDismiss: () => void }) {
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  const text = words.join('\n\n');
  return (
    <section className="banner banner-note undone-words" aria-label="Your words not in the story">
      <strong>These words of yours are not in the story.</strong>
      <p className="undone-words-help">
        The server undid them, or you typed them into a paragraph that was deleted meanwhile. They are kept here on this device. Copy them and
        paste them back where they belong: where suggestions are required, they go in as your suggestion.
      </p>
      <blockquote className="undone-words-text">
        {words.map((run, i) => (
          <p key={i}>{run}</p>
        ))}
      </blockquote>
      <div className="undone-words-actions">
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            navigator.clipboard.writeText(text).then(
              () => setCopy('copied'),
              () => setCopy('failed'),
            );
          }}
        >
          Copy the words
        </button>
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
        {copy ? (
          <span className="undone-words-copy" aria-live="polite">{copy === 'copied' ? 'Copied.' : 'This browser did not let the page copy: select the words above and copy them.'}</span>
        ) : null}
      </div>
    </section>
  );
}
