import { Mark } from '@tiptap/core';
import { suggestionAttributes, suggestionColor } from './suggestionAttributes.ts';

/** A mark as ProseMirror JSON: what `suggestionFormat` remembers of the text's earlier formatting. */
export interface MarkJson {
  type: string;
  attrs?: Record<string, unknown>;
}

function readBefore(element: HTMLElement): MarkJson[] {
  try {
    const value: unknown = JSON.parse(element.getAttribute('data-before') ?? '[]');
    return Array.isArray(value) ? (value as MarkJson[]) : [];
  } catch {
    return [];
  }
}

/**
 * A suggested formatting change (bold, italic, link): the change is shown for real, and the mark
 * remembers the formatting the text had in `before`. Accepting drops the mark; rejecting puts
 * `before` back. Drawn as a dotted underline in the author's colour.
 */
export const SuggestionFormat = Mark.create({
  name: 'suggestionFormat',
  inclusive: false,
  spanning: true,

  addAttributes() {
    return {
      ...suggestionAttributes(),
      before: {
        default: [],
        parseHTML: readBefore,
        renderHTML: (attrs: Record<string, unknown>) => ({ 'data-before': JSON.stringify(attrs.before ?? []) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-suggestion-format]' }];
  },

  renderHTML({ HTMLAttributes, mark }) {
    const color = suggestionColor(mark.attrs.color);
    return [
      'span',
      { ...HTMLAttributes, 'data-suggestion-format': '', class: 'suggestion-format', style: `text-decoration: underline dotted ${color}` },
      0,
    ];
  },
});
