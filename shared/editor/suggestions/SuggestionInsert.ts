import { Mark } from '@tiptap/core';
import { suggestionAttributes, suggestionColor } from './suggestionAttributes.ts';

/**
 * Text someone suggested adding: underlined in the author's colour until an editor accepts it
 * (the mark goes, the text stays) or rejects it (the text goes). Not inclusive, so typing next to
 * a suggestion by someone else does not join it.
 */
export const SuggestionInsert = Mark.create({
  name: 'suggestionInsert',
  inclusive: false,
  spanning: true,

  addAttributes() {
    return suggestionAttributes();
  },

  parseHTML() {
    return [{ tag: 'ins[data-suggestion-id]' }];
  },

  renderHTML({ HTMLAttributes, mark }) {
    const color = suggestionColor(mark.attrs.color);
    return ['ins', { ...HTMLAttributes, class: 'suggestion-insert', style: `color: ${color}; text-decoration: underline ${color}` }, 0];
  },
});
