import { Node } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/** The story's headline: plain text, always the first node, rendered as `<h1>`. */
export const Headline = Node.create({
  name: 'headline',
  content: 'text*',
  marks: '',
  defining: true,

  parseHTML() {
    return [{ tag: 'h1', priority: 60 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['h1', { ...HTMLAttributes, class: 'headline' }, 0];
  },

  addKeyboardShortcuts() {
    const moveToStandfirst = (): boolean => {
      const { state, view } = this.editor;
      const { $from } = state.selection;
      if ($from.parent.type.name !== this.name) return false;
      const inStandfirst = $from.after() + 1;
      view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, inStandfirst)).scrollIntoView());
      return true;
    };
    return {
      Enter: moveToStandfirst,
      'Shift-Enter': moveToStandfirst,
      'Mod-Enter': moveToStandfirst,
      // Joining the standfirst into the headline would leave the document without a standfirst.
      Delete: () => {
        const { selection } = this.editor.state;
        const { $from, empty } = selection;
        return empty && $from.parent.type.name === this.name && $from.parentOffset === $from.parent.content.size;
      },
    };
  },
});
