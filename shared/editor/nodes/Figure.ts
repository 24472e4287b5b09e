import { Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { safeUrl } from '../../export/safeUrl.ts';
import { insertBlock, placeCursor } from './insertBlock.ts';

/** What `setFigure` needs: the image, its alt text and credit, and optionally a first caption. */
export interface FigureOptions {
  src: string;
  alt?: string;
  credit?: string;
  caption?: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a figure; refused when `src` is not an http(s) or relative URL. */
      setFigure: (options: FigureOptions) => ReturnType;
    };
  }
}

function findImage(element: HTMLElement): HTMLElement | null {
  return element.tagName === 'IMG' ? element : element.querySelector('img');
}

/**
 * An image with its alt text and credit; the node's content is the caption, typed in place.
 * Renders `<figure data-credit><img src alt><figcaption>caption</figcaption>...</figure>`.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'inline*',
  draggable: true,
  isolating: true,
  defining: true,

  addAttributes() {
    return {
      src: {
        default: '',
        parseHTML: (element) => safeUrl(findImage(element)?.getAttribute('src')) ?? '',
        rendered: false,
      },
      alt: {
        default: '',
        parseHTML: (element) => findImage(element)?.getAttribute('alt') ?? '',
        rendered: false,
      },
      credit: {
        default: '',
        parseHTML: (element) =>
          element.getAttribute('data-credit') ?? element.querySelector('.credit')?.textContent?.trim() ?? '',
        rendered: false,
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (element) => (safeUrl(findImage(element)?.getAttribute('src')) ? null : false),
        contentElement: (element) => {
          const caption = element.querySelector('figcaption');
          if (!caption) return element.ownerDocument.createElement('figcaption');
          // An exported credit sits inside the figcaption; it is an attribute here, not caption text.
          const copy = caption.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.credit').forEach((credit) => credit.remove());
          return copy;
        },
      },
    ];
  },

  renderHTML({ node }) {
    const src = safeUrl(node.attrs.src) ?? '';
    const credit = String(node.attrs.credit ?? '');
    const spec: DOMOutputSpec = [
      'figure',
      { class: 'figure', 'data-credit': credit },
      ['img', { src, alt: String(node.attrs.alt ?? ''), draggable: 'false', contenteditable: 'false' }],
      ['figcaption', 0],
      ['span', { class: 'figure-credit', contenteditable: 'false' }, credit],
    ];
    return spec;
  },

  addKeyboardShortcuts() {
    // The caption is one line: Enter in it goes on below the figure, in a paragraph of the body
    // (the empty one already there, or a new one).
    const continueBelow = (): boolean => {
      const { state, view } = this.editor;
      const { $from, empty } = state.selection;
      if (!empty || $from.parent.type.name !== this.name) return false;
      const below = $from.after();
      const next = state.doc.nodeAt(below);
      const tr = state.tr;
      if (!(next?.type.name === 'paragraph' && next.content.size === 0)) {
        const paragraph = state.schema.nodes.paragraph;
        if (!paragraph) return false;
        tr.insert(below, paragraph.create());
      }
      view.dispatch(tr.setSelection(TextSelection.create(tr.doc, below + 1)).scrollIntoView());
      return true;
    };
    return { Enter: continueBelow, 'Mod-Enter': continueBelow };
  },

  addCommands() {
    return {
      setFigure:
        (options) =>
        ({ tr, state, dispatch }) => {
          const src = safeUrl(options.src);
          if (!src) return false;
          const type = state.schema.nodes[this.name];
          if (!type) return false;
          const caption = options.caption?.trim();
          const figure = type.create(
            { src, alt: options.alt ?? '', credit: options.credit ?? '' },
            caption ? state.schema.text(caption) : undefined,
          );
          if (dispatch) {
            const pos = insertBlock(tr, figure);
            placeCursor(tr, pos + figure.nodeSize - 1);
            tr.scrollIntoView();
          }
          return true;
        },
    };
  },
});
