import { useState } from 'react';
import { errorMessage } from '../format/errorMessage.ts';
import type { RestorableBlock } from './historyApi.ts';

const BLOCK_LABELS: Record<string, string> = {
  paragraph: 'Paragraph',
  heading: 'Subheading',
  figure: 'Figure',
  relatedLink: 'READ MORE',
  headline: 'Headline',
  standfirst: 'Standfirst',
  bulletList: 'List',
  orderedList: 'Numbered list',
  blockquote: 'Quote',
  horizontalRule: 'Rule',
};

/** What the list calls a block: "Paragraph", "Figure", "READ MORE". */
export function blockLabel(type: string): string {
  return BLOCK_LABELS[type] ?? type;
}

// How much of a block's text the list shows.
const EXCERPT_LENGTH = 140;
const excerpt = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text);

/**
 * The blocks of an older version that differ from the current story, each with "Restore this":
 * a changed block goes back where it is now, a deleted one at its old place, for everyone in the story.
 */
export function RestorableBlocks({ version, blocks, onRestore }: {
  version: number;
  blocks: RestorableBlock[];
  onRestore: (block: RestorableBlock) => Promise<void>;
}) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function restore(block: RestorableBlock) {
    setBusy(block.block);
    setError(null);
    setDone(null);
    try {
      await onRestore(block);
      setDone(`${blockLabel(block.type)} of version ${version} restored for everyone in the story.`);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  }

  return (
    // Labels here avoid the word "to": the comparison's "To" picker is found by its label.
    <section className="version-blocks" aria-label={`Changed blocks of version ${version}`}>
      <p className="version-blocks-intro">
        {blocks.length === 0
          ? `Every block of version ${version} is in the story as it was.`
          : `Restore one block of version ${version}: a changed block is replaced where it is now, a deleted one goes back at its old place.`}
      </p>
      {done ? (
        <p className="version-blocks-done" role="status">
          {done}
        </p>
      ) : null}
      {error ? (
        <p className="modal-error" role="alert">
          {error}
        </p>
      ) : null}
      {blocks.length > 0 ? (
        <ol className="version-block-list">
          {blocks.map((block) => (
            <li key={block.block} className={`version-block version-block-${block.status}`}>
              <span className="version-block-kind">
                {blockLabel(block.type)} · {block.status === 'changed' ? 'changed since' : 'deleted since'}
              </span>
              <span className="version-block-text" id={`version-block-${block.block}`}>
                {block.text ? excerpt(block.text) : '(no text)'}
              </span>
              <button
                type="button"
                className="button button-quiet"
                disabled={busy !== null}
                aria-describedby={`version-block-${block.block}`}
                onClick={() => void restore(block)}
              >
                {busy === block.block ? 'Restoring…' : 'Restore this'}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
