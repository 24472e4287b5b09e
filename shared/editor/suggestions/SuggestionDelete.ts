import { Mark } from '@tiptap/core';
import { suggestionAttributes, suggestionColor } from './suggestionAttributes.ts';

/**
 * Text someone suggested removing: still in the story, struck through in the author's colour,
 * until an editor accepts (the text goes) or rejects (the mark goes) the suggestion.
 */
export const SuggestionDelete = Mark.create({
  name: 'suggestionDelete',
  inclusive: false,
  spanning: true,

  addAttributes() {
    return suggestionAttributes();
  },

  parseHTML() {
    return [{ tag: 'del[data-suggestion-id]' }];
  },

  renderHTML({ HTMLAttributes, mark }) {
    const color = suggestionColor(mark.attrs.color);
    return ['del', { ...HTMLAttributes, class: 'suggestion-delete', style: `color: ${color}; text-decoration: line-through ${color}` }, 0];
  },
});
