// @vitest-environment happy-dom
import { Editor, type JSONContent } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../../article/fixtureArticle.ts';
import { toHtml } from '../../export/toHtml.ts';
import { articleExtensions } from '../extensions.ts';

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

function editorWith(content: JSONContent | string): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: articleExtensions(), content });
  editors.push(editor);
  return editor;
}

const emptyStory = (): JSONContent => ({
  type: 'doc',
  content: [
    { type: 'headline', content: [{ type: 'text', text: 'Headline' }] },
    { type: 'standfirst', content: [{ type: 'text', text: 'Standfirst' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'First paragraph' }] },
    { type: 'paragraph' },
  ],
});

function press(editor: Editor, key: string): boolean {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  return editor.view.someProp('handleKeyDown', (handle) => handle(editor.view, event)) ?? false;
}

function putCursor(editor: Editor, pos: number): void {
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos)));
}

const types = (editor: Editor) => (editor.getJSON().content ?? []).map((node) => node.type);

describe('article nodes in the editor', () => {
  it('setFigure fills an empty paragraph and leaves the cursor in the caption', () => {
    const editor = editorWith(emptyStory());
    putCursor(editor, editor.state.doc.content.size - 1);
    expect(editor.commands.setFigure({ src: 'https://img.test/a.jpg', alt: 'Alt', credit: 'Credit', caption: 'Cap' })).toBe(true);
    editor.commands.insertContent('tion');
    const json = editor.getJSON();
    expect(types(editor)).toEqual(['headline', 'standfirst', 'paragraph', 'figure', 'paragraph']);
    expect(json.content?.[3]).toEqual({
      type: 'figure',
      attrs: { src: 'https://img.test/a.jpg', alt: 'Alt', credit: 'Credit', suggestion: null },
      content: [{ type: 'text', text: 'Caption' }],
    });
  });

  it('setFigure from the headline goes to the top of the body', () => {
    const editor = editorWith(emptyStory());
    putCursor(editor, 3);
    expect(editor.commands.setFigure({ src: '/media/a.jpg' })).toBe(true);
    expect(types(editor)).toEqual(['headline', 'standfirst', 'figure', 'paragraph', 'paragraph']);
  });

  it('refuses figures and READ MORE links with unsafe URLs', () => {
    const editor = editorWith(emptyStory());
    const before = editor.getJSON();
    expect(editor.commands.setFigure({ src: 'javascript:alert(1)' })).toBe(false);
    expect(editor.commands.setFigure({ src: 'data:image/png;base64,AAAA' })).toBe(false);
    expect(editor.commands.setRelatedLink({ href: 'JaVaScRiPt:alert(1)', label: 'x' })).toBe(false);
    expect(editor.getJSON()).toEqual(before);
  });

  it('setRelatedLink inserts a READ MORE block after the current one', () => {
    const editor = editorWith(emptyStory());
    putCursor(editor, editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize + 3);
    expect(editor.commands.setRelatedLink({ href: '/stories/abc', label: 'READ MORE: Other story' })).toBe(true);
    expect(editor.getJSON().content?.[3]).toEqual({
      type: 'relatedLink',
      attrs: { href: '/stories/abc', suggestion: null },
      content: [{ type: 'text', text: 'Other story' }],
    });
    expect(editor.getHTML()).toContain('READ MORE: </span><a href="/stories/abc"');
  });

  it('round-trips the editor HTML of the fixture story', () => {
    const fixture = fixtureArticleJson().doc;
    const html = editorWith(fixture).getHTML();
    expect(editorWith(html).getJSON()).toEqual(editorWith(fixture).getJSON());
  });

  it('reads the exported HTML back into the same story', () => {
    const fixture = fixtureArticleJson();
    const exported = toHtml(fixture, { fragment: true });
    const body = exported.replace(/<header>|<\/header>|<p class="byline">.*?<\/p>|<p class="section">.*?<\/p>|<footer>[\s\S]*<\/footer>/g, '');
    expect(editorWith(body).getJSON()).toEqual(editorWith(fixture.doc).getJSON());
  });

  it('does not turn pasted unsafe figures or READ MORE links into nodes', () => {
    const editor = editorWith(
      '<h1>H</h1><p class="standfirst">S</p>' +
        '<figure><img src="javascript:alert(1)" alt="x"><figcaption>cap</figcaption></figure>' +
        '<aside class="related-link"><a href="java&#10;script:alert(1)">label</a></aside>' +
        '<p><a href="javascript:alert(2)">link</a></p>',
    );
    const json = JSON.stringify(editor.getJSON());
    expect(json).not.toMatch(/figure|relatedLink|javascript/);
    expect(editor.getHTML()).not.toMatch(/javascript/);
  });

  it('Enter moves from headline to standfirst, and from standfirst into the body', () => {
    const editor = editorWith(emptyStory());
    putCursor(editor, 3);
    expect(press(editor, 'Enter')).toBe(true);
    expect(editor.state.selection.$from.parent.type.name).toBe('standfirst');
    expect(press(editor, 'Enter')).toBe(true);
    expect(editor.state.selection.$from.parent.type.name).toBe('paragraph');
    expect(editor.state.selection.$from.index(0)).toBe(2);
    expect(types(editor)).toEqual(['headline', 'standfirst', 'paragraph', 'paragraph']);
  });

  it('Enter in the standfirst opens a paragraph when the body starts with a figure', () => {
    const editor = editorWith(emptyStory());
    putCursor(editor, 3);
    editor.commands.setFigure({ src: '/a.jpg' });
    putCursor(editor, editor.state.doc.child(0).nodeSize + 2);
    expect(press(editor, 'Enter')).toBe(true);
    expect(types(editor).slice(0, 4)).toEqual(['headline', 'standfirst', 'paragraph', 'figure']);
    expect(editor.state.selection.$from.index(0)).toBe(2);
  });

  it('Enter in a figure caption goes on below the figure: a new body paragraph, or the empty one already there', () => {
    const editor = editorWith(emptyStory());
    putCursor(editor, 3);
    editor.commands.setFigure({ src: '/a.jpg', caption: 'Boats in the harbour' });
    const figureIndex = types(editor).indexOf('figure');
    const captionEnd = () => {
      let pos = 0;
      for (let i = 0; i <= figureIndex; i++) pos += editor.state.doc.child(i).nodeSize;
      return pos - 1;
    };
    const below = () => editor.state.doc.child(figureIndex + 1);
    expect(below().textContent).toBe('First paragraph');
    // Text right below the figure: Enter opens a new paragraph between the figure and it.
    putCursor(editor, captionEnd());
    expect(press(editor, 'Enter')).toBe(true);
    const withNew = types(editor);
    expect(withNew.slice(figureIndex, figureIndex + 3)).toEqual(['figure', 'paragraph', 'paragraph']);
    expect(editor.state.selection.$from.index(0)).toBe(figureIndex + 1);
    expect(below().content.size).toBe(0);
    // The empty paragraph is now right below: Enter in the caption goes there and adds nothing.
    putCursor(editor, captionEnd() - 3);
    expect(press(editor, 'Enter')).toBe(true);
    expect(types(editor)).toEqual(withNew);
    expect(editor.state.selection.$from.index(0)).toBe(figureIndex + 1);
    editor.commands.insertContent('A first line under the picture.');
    expect(editor.state.doc.child(figureIndex).textContent).toBe('Boats in the harbour');
    expect(below().textContent).toBe('A first line under the picture.');
    expect(editor.state.doc.child(figureIndex + 2).textContent).toBe('First paragraph');
  });

  it('Backspace and Delete never merge away the headline or the standfirst', () => {
    const editor = editorWith(emptyStory());
    const standfirstStart = editor.state.doc.child(0).nodeSize + 1;
    putCursor(editor, standfirstStart);
    expect(press(editor, 'Backspace')).toBe(true);
    expect(editor.state.selection.$from.parent.type.name).toBe('headline');
    expect(press(editor, 'Delete')).toBe(true);
    const bodyStart = standfirstStart + editor.state.doc.child(1).nodeSize;
    putCursor(editor, bodyStart);
    expect(press(editor, 'Backspace')).toBe(true);
    expect(editor.state.selection.$from.parent.type.name).toBe('standfirst');
    expect(press(editor, 'Delete')).toBe(true);
    expect(types(editor)).toEqual(['headline', 'standfirst', 'paragraph', 'paragraph']);
    expect(editor.getText()).toContain('First paragraph');
  });
});

describe('protected blocks', () => {
  it('block-type buttons pressed inside a caption or READ MORE label leave the node alone', () => {
    const editor = editorWith(emptyStory());
    putCursor(editor, 3);
    editor.commands.setRelatedLink({ href: '/stories/x', label: 'Other' });
    putCursor(editor, 3);
    editor.commands.setFigure({ src: '/a.jpg', caption: 'Caption' });
    const before = editor.getJSON();
    expect(editor.state.selection.$from.parent.type.name).toBe('figure');
    editor.commands.toggleHeading({ level: 2 });
    editor.commands.setParagraph();
    const labelPos = editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize + editor.state.doc.child(2).nodeSize + 2;
    putCursor(editor, labelPos);
    expect(editor.state.selection.$from.parent.type.name).toBe('relatedLink');
    editor.commands.toggleHeading({ level: 3 });
    expect(editor.getJSON()).toEqual(before);
  });

  it('headings and paragraphs still change type', () => {
    const editor = editorWith(emptyStory());
    putCursor(editor, editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize + 2);
    expect(editor.commands.toggleHeading({ level: 2 })).toBe(true);
    expect(types(editor)).toEqual(['headline', 'standfirst', 'heading', 'paragraph']);
  });
});
