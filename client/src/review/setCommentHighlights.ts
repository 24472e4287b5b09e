import type { Editor } from '@tiptap/core';
import { commentHighlightsKey, type HighlightRange } from './CommentHighlights.ts';

/** Replaces the comment highlights of `editor` (never an undoable or tracked change). */
export function setCommentHighlights(editor: Editor, ranges: HighlightRange[]): void {
  if (editor.isDestroyed) return;
  const tr = editor.state.tr.setMeta(commentHighlightsKey, ranges).setMeta('addToHistory', false);
  editor.view.dispatch(tr);
}
