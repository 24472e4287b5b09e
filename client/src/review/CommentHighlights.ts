import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** A thread's text in the editor: where it is and whether it is the thread in focus. */
export interface HighlightRange {
  id: string;
  from: number;
  to: number;
  active: boolean;
}

/** The plugin key; a transaction with this meta (a HighlightRange[]) replaces the highlights. */
export const commentHighlightsKey = new PluginKey<DecorationSet>('commentHighlights');

/** Options of CommentHighlights. */
export interface CommentHighlightsOptions {
  /** Called with the thread id when someone clicks highlighted text. */
  onActivate: (threadId: string) => void;
}

/** Inline decorations for the ranges that still fit `doc`; empty and out-of-range ones are skipped. */
export function highlightDecorations(doc: PMNode, ranges: readonly HighlightRange[]): DecorationSet {
  const size = doc.content.size;
  const decorations = ranges
    .filter((range) => range.from >= 0 && range.to <= size && range.from < range.to)
    .map((range) =>
      Decoration.inline(
        range.from,
        range.to,
        { class: range.active ? 'comment-highlight is-active' : 'comment-highlight', 'data-thread-id': range.id },
        { threadId: range.id },
      ),
    );
  return DecorationSet.create(doc, decorations);
}

/** The ids of the threads whose highlighted text covers position `pos`. */
export function threadsAt(state: EditorState, pos: number): string[] {
  const set = commentHighlightsKey.getState(state);
  if (!set) return [];
  return set.find(pos, pos).map((decoration) => String((decoration.spec as { threadId: string }).threadId));
}

/**
 * Highlights the text comment threads are on. The ranges come from the Y.Doc (the thread
 * anchors) and are set with `setCommentHighlights`; between two such updates they follow local
 * edits through the transaction mapping.
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { onActivate: () => undefined };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const ranges = tr.getMeta(commentHighlightsKey) as HighlightRange[] | undefined;
            if (ranges) return highlightDecorations(tr.doc, ranges);
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state),
          handleDOMEvents: {
            // A DOM listener, not handleClick: it must work in a read-only editor too (viewers comment).
            click: (_view, event) => {
              const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null;
              const id = target?.getAttribute('data-thread-id');
              if (id) options.onActivate(id);
              return false;
            },
          },
        },
      }),
    ];
  },
});
