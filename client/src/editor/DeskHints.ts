import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { safeUrl } from '../../../shared/export/safeUrl.ts';
import { captionLikeParagraphs } from '../../../shared/import/captionLike.ts';

/** What each hint says on hover; the words also name the marked block for assistive technology. */
export const DESK_HINTS = {
  unlinked: 'READ MORE without a link: choose the story it points to (Read more in the toolbar)',
  caption: 'Looks like a photo caption: keep it as story text, delete it, or type it under a figure',
} as const;

/** The marks for the desk in `doc`: READ MORE blocks with no link, paragraphs that read like a stray photo caption. */
export function deskHintDecorations(doc: PMNode): DecorationSet {
  const decorations: Decoration[] = [];
  const blocks: { type: string; text: string; pos: number; node: PMNode }[] = [];
  doc.forEach((node, pos) => {
    blocks.push({ type: node.type.name, text: node.textContent, pos, node });
    if (node.type.name === 'relatedLink' && !safeUrl(String(node.attrs.href ?? ''))) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'hint-unlinked', title: DESK_HINTS.unlinked }));
    }
  });
  for (const index of captionLikeParagraphs(blocks)) {
    const { pos, node } = blocks[index]!;
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'hint-caption', title: DESK_HINTS.caption }));
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Marks, in the editor only, what an imported or pasted story still needs from the desk: READ MORE
 * blocks without a link, and paragraphs that read like a photo caption left behind. The story
 * itself is never changed; a mark goes as soon as its block is fixed.
 */
export const DeskHints = Extension.create({
  name: 'deskHints',

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: new PluginKey('deskHints'),
        state: {
          init: (_config, state) => deskHintDecorations(state.doc),
          apply: (tr, previous) => (tr.docChanged ? deskHintDecorations(tr.doc) : previous),
        },
        props: {
          decorations(state) {
            return this.getState(state);
          },
        },
      }),
    ];
  },
});
