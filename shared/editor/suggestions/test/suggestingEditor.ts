import { Editor, type Extensions, type JSONContent } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { TextSelection } from '@tiptap/pm/state';
import type * as Y from 'yjs';
import { DOC_FIELD } from '../../../collab/docFields.ts';
import { SuggestingMode } from '../SuggestingMode.ts';
import type { SuggestionAuthor } from '../suggestionAttributes.ts';
import { suggestionArticleExtensions } from '../suggestionExtensions.ts';

/** Options of a test editor: who types, whether suggesting, and optionally a Y.Doc to bind to. */
export interface TestEditorOptions {
  author: SuggestionAuthor;
  suggesting?: boolean;
  ydoc?: Y.Doc;
  content?: JSONContent;
  refusals?: string[];
}

let counter = 0;

/** A happy-dom Tiptap editor with the suggestion schema and SuggestingMode, optionally bound to Yjs. */
export function suggestingEditor(options: TestEditorOptions): Editor {
  const extensions: Extensions = [
    ...suggestionArticleExtensions(),
    SuggestingMode.configure({
      enabled: options.suggesting ?? false,
      author: () => options.author,
      now: () => new Date('2024-05-01T10:00:00.000Z'),
      newId: () => `${options.author.id}-s${(counter += 1)}`,
      onRefused: (reason) => options.refusals?.push(reason),
    }),
  ];
  if (options.ydoc) extensions.push(Collaboration.configure({ document: options.ydoc, field: DOC_FIELD }));
  return new Editor({ element: document.createElement('div'), extensions, content: options.ydoc ? undefined : options.content });
}

/** Types `text` one character at a time, as the browser's input events would. */
export function type(editor: Editor, text: string): void {
  for (const char of text) {
    const { view } = editor;
    const { from, to } = view.state.selection;
    const insert = () => view.state.tr.insertText(char, from, to);
    const handled = view.someProp('handleTextInput', (handle) => handle(view, from, to, char, insert));
    if (!handled) view.dispatch(insert());
  }
}

/**
 * Presses Backspace or Delete: the editor's key handlers first, then what the browser does
 * natively when none of them takes the key (remove one character or the selection).
 */
export function press(editor: Editor, key: 'Backspace' | 'Delete', times = 1): void {
  for (let i = 0; i < times; i += 1) {
    const { view } = editor;
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    if (view.someProp('handleKeyDown', (handle) => handle(view, event))) continue;
    const { from, to, empty } = view.state.selection;
    if (!empty) view.dispatch(view.state.tr.deleteSelection());
    else if (key === 'Backspace') view.dispatch(view.state.tr.delete(from - 1, from));
    else view.dispatch(view.state.tr.delete(from, from + 1));
  }
}

/** Moves the cursor (or selects `from`..`to`). */
export function select(editor: Editor, from: number, to = from): void {
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to)));
}

/** Document position of the `occurrence`-th `text` in the document, plus `offset`. */
export function positionOf(editor: Editor, text: string, offset = 0): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (!node.isTextblock) return true;
    const index = node.textContent.indexOf(text);
    if (index < 0) return false;
    // textContent offsets equal positions within a textblock holding only text.
    found = pos + 1 + index + offset;
    return false;
  });
  if (found < 0) throw new RangeError(`"${text}" is not in the document`);
  return found;
}

/** The story used by the tests: a headline, a standfirst and one body paragraph. */
export function storyJson(body = 'Only 290 expatriates remain.'): JSONContent {
  return {
    type: 'doc',
    content: [
      { type: 'headline', content: [{ type: 'text', text: 'Exodus' }] },
      { type: 'standfirst', content: [{ type: 'text', text: 'Diplomats leave' }] },
      { type: 'paragraph', content: [{ type: 'text', text: body }] },
    ],
  };
}
