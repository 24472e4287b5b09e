import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ReplaceAroundStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** Blocks that hold text but also attributes (an image, a link) a change of block type would drop. */
export const PROTECTED_BLOCK_TYPES: readonly string[] = ['figure', 'relatedLink'];

/**
 * Whether a transaction turns a figure or READ MORE link into another block type. A figure's
 * caption is a textblock, so "Heading 2" or "Paragraph" pressed inside it would otherwise
 * replace the figure, and its image, with a heading holding the caption.
 */
export function changesProtectedBlockType(tr: Transaction): boolean {
  return tr.steps.some((step, index) => {
    if (!(step instanceof ReplaceAroundStep)) return false;
    // setBlockType's shape: one node replaced by a new wrapper around that node's own content.
    if (step.gapFrom !== step.from + 1 || step.gapTo !== step.to - 1) return false;
    const before = tr.docs[index]?.nodeAt(step.from);
    if (!before || !PROTECTED_BLOCK_TYPES.includes(before.type.name)) return false;
    if (step.from + before.nodeSize !== step.to) return false;
    return step.slice.content.firstChild?.type !== before.type;
  });
}

/** Refuses local edits that would change a figure or READ MORE link into another block type. */
export const ProtectedBlocks = Extension.create({
  name: 'protectedBlocks',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('protectedBlocks'),
        // Changes from collaborators are never refused: refusing them would fork this view from the document.
        filterTransaction: (tr) => Boolean(tr.getMeta(ySyncPluginKey)) || !changesProtectedBlockType(tr),
      }),
    ];
  },
});
