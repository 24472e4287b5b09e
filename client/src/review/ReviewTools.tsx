import { useEffect } from 'react';
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import { isSuggestingEditor } from '../../../shared/editor/suggestions/index.ts';
import { shortcutLabel } from '../editor/shortcuts.ts';
import { SuggestingToggle } from './SuggestingToggle.tsx';

const COMMENT_SHORTCUT = 'Mod-Alt-m';

/** Whether a key press is Mod-Alt-M (the layout-independent key code: Alt changes the character on a Mac). */
function isCommentShortcut(event: KeyboardEvent): boolean {
  return event.altKey && (event.ctrlKey || event.metaKey) && event.code === 'KeyM';
}

/**
 * The review controls in the toolbar row: "Comment" on the selected words (also Mod-Alt-M, for
 * read-only editors too) and the editing/suggesting switch for users who may change the story.
 */
export function ReviewTools({ editor, canSuggest, required, onComment, onSuggestingChange }: {
  editor: Editor;
  canSuggest: boolean;
  required: boolean;
  onComment: () => void;
  onSuggestingChange: (on: boolean) => void;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ hasSelection: !e.state.selection.empty, suggesting: isSuggestingEditor(e) }),
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      onComment();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onComment]);

  return (
    <div className="review-tools">
      <button
        type="button"
        className="button button-quiet comment-button"
        disabled={!state.hasSelection}
        title={`Comment on the selected words (${shortcutLabel(COMMENT_SHORTCUT)})`}
        aria-keyshortcuts="Control+Alt+M"
        onMouseDown={(event) => event.preventDefault()}
        onClick={onComment}
      >
        Comment
      </button>
      {canSuggest ? <SuggestingToggle on={required || state.suggesting} required={required} onChange={onSuggestingChange} /> : null}
    </div>
  );
}
