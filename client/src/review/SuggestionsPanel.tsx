import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import { listSuggestions, type SuggestionSummary } from '../../../shared/editor/suggestions/index.ts';
import { relativeTime } from '../format/relativeTime.ts';

const BLOCK_NAMES: Record<string, string> = { figure: 'figure', relatedLink: 'READ MORE link', horizontalRule: 'rule' };

/** A suggestion in words: "Insert “x”", "Replace “a” with “b”", "Format: bold". */
export function describeSuggestion(suggestion: SuggestionSummary): string {
  const blocks = suggestion.blocks.map((block) => `${block.kind === 'insert' ? 'add' : 'remove'} ${BLOCK_NAMES[block.type] ?? block.type}`);
  const quoted = (text: string) => `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;
  let words: string;
  if (suggestion.kind === 'replace' && suggestion.inserted && suggestion.deleted) {
    words = `Replace ${quoted(suggestion.deleted)} with ${quoted(suggestion.inserted)}`;
  } else if (suggestion.kind === 'insert' && suggestion.inserted) words = `Insert ${quoted(suggestion.inserted)}`;
  else if (suggestion.kind === 'delete' && suggestion.deleted) words = `Delete ${quoted(suggestion.deleted)}`;
  else if (suggestion.kind === 'format') {
    const changes = [...suggestion.formats.added.map((name) => `+${name}`), ...suggestion.formats.removed.map((name) => `−${name}`)];
    words = `Format ${quoted(suggestion.text)}${changes.length ? `: ${changes.join(', ')}` : ''}`;
  } else words = '';
  return [words, ...blocks].filter(Boolean).join('; ');
}

/** Pending suggestions in document order, with Accept/Reject for users who may change the story. */
export function SuggestionsPanel({ editor, canResolve }: { editor: Editor; canResolve: boolean }) {
  const suggestions = useEditorState({ editor, selector: ({ editor: e }) => listSuggestions(e.state.doc) });

  if (suggestions.length === 0) return null;
  return (
    <section className="review-panel suggestions-panel" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" className="panel-heading">
        Suggestions <span className="count">{suggestions.length}</span>
      </h2>
      {canResolve ? (
        <div className="suggestions-all">
          <button type="button" className="button button-quiet" onClick={() => editor.commands.acceptAll()}>
            Accept all
          </button>
          <button type="button" className="button button-quiet" onClick={() => editor.commands.rejectAll()}>
            Reject all
          </button>
        </div>
      ) : null}
      <ul className="suggestion-list">
        {suggestions.map((suggestion) => {
          const label = describeSuggestion(suggestion);
          return (
            <li key={suggestion.id} className="suggestion-item" style={{ borderLeftColor: suggestion.color }} aria-label={`Suggestion by ${suggestion.authorName}: ${label}`}>
              <button
                type="button"
                className="suggestion-text"
                onClick={() => editor.chain().setTextSelection({ from: suggestion.from, to: suggestion.to }).scrollIntoView().run()}
              >
                {label}
              </button>
              <p className="comment-meta">
                <span className="avatar-dot" style={{ background: suggestion.color }} aria-hidden="true" />
                <strong>{suggestion.authorName}</strong>
                <time dateTime={suggestion.createdAt}>{relativeTime(suggestion.createdAt)}</time>
              </p>
              {canResolve ? (
                <div className="suggestion-actions">
                  <button type="button" className="button button-quiet" onClick={() => editor.commands.acceptSuggestion(suggestion.id)}>
                    Accept
                  </button>
                  <button type="button" className="button button-quiet" onClick={() => editor.commands.rejectSuggestion(suggestion.id)}>
                    Reject
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
