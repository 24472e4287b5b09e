// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { articleExtensions } from '../../../shared/editor/extensions.ts';
import { fromPlainText } from '../../../shared/import/fromPlainText.ts';
import { DeskHints } from './DeskHints.ts';

// The handbook's fixture, in the folder beside the repository.
const fixture = readFileSync(join(import.meta.dirname, '../../../../shared/fixtures/article-north-korea-exodus.txt'), 'utf8');

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

function editorWith(text: string): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: [...articleExtensions(), DeskHints], content: fromPlainText(text).doc });
  editors.push(editor);
  return editor;
}

const marked = (editor: Editor, className: string) =>
  [...editor.view.dom.querySelectorAll(`.${className}`)].map((element) => (element.textContent ?? '').replace(/^READ MORE:\s*/, '').trim());

describe('DeskHints', () => {
  it('marks the imported wire story’s unlinked READ MORE blocks and its stray photo captions', () => {
    const editor = editorWith(fixture);
    expect(marked(editor, 'hint-unlinked')).toEqual(["North Korea warns US against 'causing a stink'", 'The countries making dubious coronavirus claims']);
    expect(marked(editor, 'hint-caption').map((text) => text.slice(0, 30))).toEqual([
      'Foreign diplomats and aid work',
      'Unable to get out of North Kor',
      'Women parade with flags during',
    ]);
    expect(editor.view.dom.querySelector('.hint-unlinked')?.getAttribute('title')).toContain('without a link');
  });

  it('drops a READ MORE mark once the block has a link, and never changes the story', () => {
    const editor = editorWith('Head\n\nBody text here.\n\nREAD MORE: Earlier story\n\nREAD MORE: Linked (https://news.example.com/a)\n\nMore.');
    const before = JSON.stringify(editor.getJSON());
    expect(marked(editor, 'hint-unlinked')).toEqual(['Earlier story']);
    expect(JSON.stringify(editor.getJSON())).toBe(before);
    let at = -1;
    editor.state.doc.forEach((node, pos) => {
      if (node.type.name === 'relatedLink' && node.attrs.href === '') at = pos;
    });
    editor.view.dispatch(editor.state.tr.setNodeAttribute(at, 'href', 'https://news.example.com/b'));
    expect(marked(editor, 'hint-unlinked')).toEqual([]);
  });
});
