import { useEffect, useId, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { ArticleSummary } from '../../../shared/api.ts';
import { safeUrl } from '../../../shared/export/safeUrl.ts';
import { listArticles } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { storyPath } from '../router/router.ts';
import { errorMessage } from '../format/errorMessage.ts';

type Target = { kind: 'story'; story: ArticleSummary } | { kind: 'url' };

/** Inserts a "READ MORE" link to another Copydesk story (found by headline) or to any web page. */
export function RelatedLinkDialog({ editor, currentId, onClose }: {
  editor: Editor;
  currentId: string;
  onClose: () => void;
}) {
  const [stories, setStories] = useState<ArticleSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<Target | null>(null);
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    listArticles().then(
      (all) => setStories(all.filter((story) => story.id !== currentId)),
      (failure: unknown) => setLoadError(errorMessage(failure)),
    );
  }, [currentId]);

  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (stories ?? [])
      .filter((story) => words.every((word) => story.headline.toLowerCase().includes(word)))
      .slice(0, 8);
  }, [stories, query]);

  function apply() {
    let href: string | null;
    let text: string;
    if (target?.kind === 'story') {
      href = storyPath(target.story.id);
      text = label.trim() || target.story.headline;
    } else {
      href = safeUrl(url.trim());
      text = label.trim();
      if (!href) {
        setError('Pick a story, or give a web address starting with https://.');
        return;
      }
      if (!text) {
        setError('Give the link a label, e.g. the headline of the page.');
        return;
      }
    }
    if (!editor.chain().focus().setRelatedLink({ href, label: text }).run()) {
      setError('The link could not be placed here. Put the cursor in the story body and try again.');
      return;
    }
    onClose();
  }

  const ready = target?.kind === 'story' || (url.trim() !== '' && label.trim() !== '');

  return (
    <Modal
      title="Insert READ MORE link"
      submitLabel="Insert link"
      submitDisabled={!ready}
      onSubmit={apply}
      onCancel={() => {
        editor.commands.focus();
        onClose();
      }}
      error={error ?? loadError}
    >
      <Field
        label="Find a story by headline"
        type="search"
        value={query}
        autoFocus
        placeholder="Type words from the headline"
        aria-controls={listId}
        onChange={(event) => {
          setQuery(event.target.value);
          if (target?.kind === 'story') setTarget(null);
        }}
      />
      <div id={listId} role="listbox" aria-label="Stories" className="story-picker">
        {stories === null && !loadError ? <p className="picker-empty">Loading stories…</p> : null}
        {stories !== null && matches.length === 0 ? (
          <p className="picker-empty">{stories.length === 0 ? 'No other stories yet.' : 'No headline matches.'}</p>
        ) : null}
        {matches.map((story) => {
          const selected = target?.kind === 'story' && target.story.id === story.id;
          return (
            <button
              key={story.id}
              type="button"
              role="option"
              aria-selected={selected}
              className={`picker-option${selected ? ' is-selected' : ''}`}
              onClick={() => {
                setTarget({ kind: 'story', story });
                setUrl('');
                setError(null);
              }}
            >
              {story.headline || 'Untitled story'}
            </button>
          );
        })}
      </div>
      <p className="modal-divider">
        <span>or link to a web page</span>
      </p>
      <Field
        label="Web address"
        inputMode="url"
        value={url}
        placeholder="https://"
        onChange={(event) => {
          setUrl(event.target.value);
          if (event.target.value) setTarget({ kind: 'url' });
        }}
      />
      <Field
        label="Label"
        hint={target?.kind === 'story' ? 'Leave empty to use the story’s headline.' : 'Shown as READ MORE: <label>.'}
        value={label}
        onChange={(event) => setLabel(event.target.value)}
      />
    </Modal>
  );
}
