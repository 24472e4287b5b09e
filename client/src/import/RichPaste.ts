import { Extension } from '@tiptap/core';
import { Fragment, type Node as PMNode, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { pastedBlocks } from './pastedBlocks.ts';
import { cleanPastedHtml } from './cleanPastedHtml.ts';

// Body text blocks; the headline, standfirst, figure captions and READ MORE labels take text only.
const BODY_TEXTBLOCKS = new Set(['paragraph', 'heading']);

/**
 * Pasting rich HTML into the story body keeps its structure (headings, lists, links, figures)
 * through the shared HTML importer, with everything unsafe dropped. Plain text, pastes copied
 * from a Copydesk editor, and pastes into the headline, standfirst or a caption take the
 * editor's default path.
 */
export const RichPaste = Extension.create({
  name: 'richPaste',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('richPaste'),
        props: {
          // Before the editor's own parse of the clipboard (and ours below): see cleanPastedHtml.
          transformPastedHTML: (html) => cleanPastedHtml(html),
          handlePaste: (view, event) => {
            const html = cleanPastedHtml(event.clipboardData?.getData('text/html') ?? '');
            if (html === '' || !BODY_TEXTBLOCKS.has(view.state.selection.$from.parent.type.name)) return false;
            const blocks = pastedBlocks(html, new DOMParser());
            if (!blocks) return false;
            let nodes: PMNode[];
            try {
              nodes = blocks.map((block) => view.state.schema.nodeFromJSON(block));
            } catch {
              // The importer's output no longer fits the schema: let the default paste do what it can.
              return false;
            }
            const slice = Slice.maxOpen(Fragment.from(nodes));
            view.dispatch(view.state.tr.replaceSelection(slice).scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'));
            return true;
          },
        },
      }),
    ];
  },
});
