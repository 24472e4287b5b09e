import { Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { safeUrl } from '../../export/safeUrl.ts';
import { insertBlock, placeCursor } from './insertBlock.ts';
import { READ_MORE_PREFIX } from './readMorePrefix.ts';

/** What `setRelatedLink` needs: where it points and the label (usually the other story's headline). */
export interface RelatedLinkOptions {
  href: string;
  label: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    relatedLink: {
      /** Inserts a READ MORE link; refused when `href` is not http(s), mailto or relative. */
      setRelatedLink: (options: RelatedLinkOptions) => ReturnType;
    };
  }
}

const PREFIX_PATTERN = /^\s*READ MORE:\s*/i;

function findAnchor(element: HTMLElement): HTMLElement | null {
  return element.querySelector('a[href]');
}

/**
 * A "READ MORE: <label>" line pointing to a related story; its content is the label.
 * Renders `<aside class="related-link"><span>READ MORE: </span><a href>label</a></aside>`.
 */
export const RelatedLink = Node.create({
  name: 'relatedLink',
  group: 'block',
  content: 'text*',
  marks: '',
  isolating: true,
  defining: true,
  draggable: true,

  addAttributes() {
    return {
      href: {
        default: '',
        parseHTML: (element) => safeUrl(findAnchor(element)?.getAttribute('href')) ?? '',
        rendered: false,
      },
    };
  },

  parseHTML() {
    const rule = (tag: string) => ({
      tag,
      priority: 60,
      getAttrs: (element: HTMLElement) => (safeUrl(findAnchor(element)?.getAttribute('href')) ? null : false),
      contentElement: (element: HTMLElement) => {
        const label = (findAnchor(element)?.cloneNode(true) ?? element.ownerDocument.createElement('a')) as HTMLElement;
        const first = label.firstChild;
        if (first && first.nodeType === 3) first.textContent = (first.textContent ?? '').replace(PREFIX_PATTERN, '');
        return label;
      },
    });
    return [rule('aside.related-link'), rule('aside.read-more')];
  },

  renderHTML({ node }) {
    const spec: DOMOutputSpec = [
      'aside',
      { class: 'related-link' },
      ['span', { class: 'related-link-prefix', contenteditable: 'false' }, READ_MORE_PREFIX],
      ['a', { href: safeUrl(node.attrs.href) ?? '', rel: 'noopener' }, 0],
    ];
    return spec;
  },

  addCommands() {
    return {
      setRelatedLink:
        (options) =>
        ({ tr, state, dispatch }) => {
          const href = safeUrl(options.href);
          if (!href) return false;
          const type = state.schema.nodes[this.name];
          if (!type) return false;
          const label = options.label.replace(PREFIX_PATTERN, '').trim() || href;
          const link = type.create({ href }, state.schema.text(label));
          if (dispatch) {
            const pos = insertBlock(tr, link);
            placeCursor(tr, pos + link.nodeSize + 1);
            tr.scrollIntoView();
          }
          return true;
        },
    };
  },
});
