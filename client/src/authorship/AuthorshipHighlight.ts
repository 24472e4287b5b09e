import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { DecorationSet } from '@tiptap/pm/view';

/** The plugin's key; a transaction with this meta replaces the decorations (an empty set clears them). */
export const authorshipKey = new PluginKey<DecorationSet>('authorship');

/**
 * Shows the authorship colours it is given (authorshipDecorations), mapped through later edits
 * until the next answer replaces them. Holds nothing while the view is off.
 */
export const AuthorshipHighlight = Extension.create({
  name: 'authorshipHighlight',

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: authorshipKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) => {
            const next = tr.getMeta(authorshipKey) as DecorationSet | undefined;
            if (next) return next;
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => authorshipKey.getState(state) ?? null,
        },
      }),
    ];
  },
});
