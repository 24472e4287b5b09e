import { Node } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/** The standfirst: the plain-text summary under the headline, rendered as `<p class="standfirst">`. */
export const Standfirst = Node.create({
  name: 'standfirst',
  content: 'text*',
  marks: '',
  defining: true,

  parseHTML() {
    // Above paragraph's default priority (50), so the class decides before the tag does.
    return [{ tag: 'p.standfirst', priority: 60 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', { ...HTMLAttributes, class: 'standfirst' }, 0];
  },

  addKeyboardShortcuts() {
    const moveToBody = (): boolean => {
      const { state, view } = this.editor;
      const { $from } = state.selection;
      if ($from.parent.type.name !== this.name) return false;
      const bodyStart = $from.after();
      const firstBlock = state.doc.nodeAt(bodyStart);
      let tr = state.tr;
      // Figures and READ MORE links hold text too, but the body should start in a paragraph of its own.
      const typable = firstBlock?.type.name === 'paragraph' || firstBlock?.type.name === 'heading';
      if (!typable) {
        const paragraph = state.schema.nodes.paragraph;
        if (!paragraph) return false;
        tr = tr.insert(bodyStart, paragraph.create());
      }
      view.dispatch(tr.setSelection(TextSelection.create(tr.doc, bodyStart + 1)).scrollIntoView());
      return true;
    };
    const atStandfirstStart = (): boolean => {
      const { $from, empty } = this.editor.state.selection;
      return empty && $from.parent.type.name === this.name && $from.parentOffset === 0;
    };
    const atStandfirstEnd = (): boolean => {
      const { $from, empty } = this.editor.state.selection;
      return empty && $from.parent.type.name === this.name && $from.parentOffset === $from.parent.content.size;
    };
    return {
      Enter: moveToBody,
      'Shift-Enter': moveToBody,
      'Mod-Enter': moveToBody,
      // Headline and standfirst are fixed slots: joining either way would remove one of them.
      Backspace: () => {
        const { state, view } = this.editor;
        const { $from, empty } = state.selection;
        if (atStandfirstStart()) {
          const endOfHeadline = $from.before() - 1;
          view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, endOfHeadline)));
          return true;
        }
        const atFirstBodyStart =
          empty && $from.depth === 1 && $from.index(0) === 2 && $from.parentOffset === 0 && $from.parent.isTextblock;
        // Also covers a caption or READ MORE label opening the body: moving up beats merging it away.
        if (!atFirstBodyStart) return false;
        const endOfStandfirst = $from.before() - 1;
        let tr = state.tr;
        if ($from.parent.content.size === 0 && state.doc.childCount > 3) {
          tr = tr.delete($from.before(), $from.after());
        }
        view.dispatch(tr.setSelection(TextSelection.create(tr.doc, endOfStandfirst)));
        return true;
      },
      Delete: atStandfirstEnd,
    };
  },
});
