// @vitest-environment happy-dom
import { Editor, type JSONContent } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { articleExtensions } from '../../../shared/editor/extensions.ts';
import { pastedBlocks } from './pastedBlocks.ts';
import { RichPaste } from './RichPaste.ts';

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

function storyEditor(): Editor {
  const content: JSONContent = {
    type: 'doc',
    content: [
      { type: 'headline', content: [{ type: 'text', text: 'Harbour vote' }] },
      { type: 'standfirst', content: [{ type: 'text', text: 'The council met.' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Before after' }] },
    ],
  };
  const editor = new Editor({ element: document.createElement('div'), extensions: [...articleExtensions(), RichPaste], content });
  editors.push(editor);
  return editor;
}

function putCursor(editor: Editor, pos: number): void {
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos)));
}

/** Offers a paste to the editor's handlers as the browser would; true when one took it. */
function paste(editor: Editor, data: Record<string, string>): boolean {
  const clipboardData = { getData: (type: string) => data[type] ?? '', types: Object.keys(data) };
  const event = Object.assign(new Event('paste', { cancelable: true }), { clipboardData }) as unknown as ClipboardEvent;
  const slice = editor.state.selection.content();
  return editor.view.someProp('handlePaste', (handle) => handle(editor.view, event, slice)) ?? false;
}

const positionAfter = (editor: Editor, text: string): number => {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found === -1 && node.isText && node.text?.includes(text)) found = pos + node.text.indexOf(text) + text.length;
  });
  return found;
};

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<h1>Budget detail</h1>
<p class="MsoNormal">The <b>harbour</b> plan, see <a href="https://example.org/plan">the plan</a>.<o:p></o:p></p>
<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;</span></span>Dredging<o:p></o:p></p>
</body></html>`;

describe('pastedBlocks', () => {
  it('keeps headings (h1 as a subheading), bold and links from Word HTML', () => {
    const blocks = pastedBlocks(WORD_HTML, new DOMParser())!;
    expect(blocks[0]).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    const text = JSON.stringify(blocks);
    expect(text).toContain('"bold"');
    expect(text).toContain('https://example.org/plan');
    expect(text).toContain('Dredging');
    expect(text).not.toContain('·');
    expect(text).not.toContain('MsoNormal');
  });

  it('drops scripts, event attributes and javascript: links', () => {
    const blocks = pastedBlocks(
      '<p onclick="steal()">Hi <a href="javascript:alert(1)">there</a><script>alert(2)</script><img src=x onerror="alert(3)"></p>',
      new DOMParser(),
    )!;
    const text = JSON.stringify(blocks);
    expect(text).toContain('Hi there');
    expect(text).not.toMatch(/alert|steal|javascript|onerror|onclick/);
  });

  it('leaves ProseMirror’s own clipboard and empty HTML to the default paste', () => {
    expect(pastedBlocks('<p data-pm-slice="1 1 []">copied</p>', new DOMParser())).toBeNull();
    expect(pastedBlocks('  ', new DOMParser())).toBeNull();
  });
});

describe('RichPaste', () => {
  it('pastes a Google Docs list, link and figure into the body as story blocks', () => {
    const editor = storyEditor();
    putCursor(editor, positionAfter(editor, 'Before'));
    const docs =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span>Pasted start</span></p>' +
      '<ul><li><p><span>First point</span></p></li><li><p><span>Second </span><a href="https://example.org/x"><span>linked</span></a></p></li></ul>' +
      '<figure><img src="https://images.example/quay.jpg" alt="The quay"><figcaption>The old quay. Photo: Ann Lee</figcaption></figure>' +
      '<p dir="ltr"><span>Pasted end</span></p></b>';
    expect(paste(editor, { 'text/html': docs, 'text/plain': 'Pasted start…' })).toBe(true);
    const json = editor.getJSON();
    const types = (json.content ?? []).map((node) => node.type);
    expect(types.slice(0, 2)).toEqual(['headline', 'standfirst']);
    expect(types).toContain('bulletList');
    expect(types).toContain('figure');
    const text = JSON.stringify(json);
    expect(text).toContain('BeforePasted start');
    expect(text).toContain('Pasted end after');
    expect(text).toContain('https://example.org/x');
    expect(text).toContain('https://images.example/quay.jpg');
    expect(text).toContain('"credit":"Ann Lee"');
  });

  it('leaves plain text, the headline and ProseMirror’s own slices to the default paste', () => {
    const editor = storyEditor();
    putCursor(editor, positionAfter(editor, 'Before'));
    expect(paste(editor, { 'text/plain': 'just text' })).toBe(false);
    expect(paste(editor, { 'text/html': '<p data-pm-slice="1 1 []">copied</p>' })).toBe(false);
    putCursor(editor, positionAfter(editor, 'Harbour'));
    expect(paste(editor, { 'text/html': '<h2>Heading</h2><p>Text</p>' })).toBe(false);
    expect(editor.getText()).not.toContain('Heading');
  });

  it('pastes a Word bullet list without Word’s typed bullets, into the body and into the standfirst', () => {
    const item = (text: string) =>
      `<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>` +
      `<span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>`;
    // Older Word and Outlook type the bullet with no mso-list:Ignore span around it.
    const oldItem = (text: string) =>
      `<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·` +
      `<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>${text}</p>`;
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>${item('First bullet')}\n${oldItem('Second bullet')}</body></html>`;

    const editor = storyEditor();
    putCursor(editor, positionAfter(editor, 'Before'));
    expect(paste(editor, { 'text/html': word, 'text/plain': '·\tFirst bullet' })).toBe(true);
    const text = JSON.stringify(editor.getJSON());
    expect(text).toContain('"bulletList"');
    expect(text).toMatch(/"text":"(?:Before)?First bullet"/);
    expect(text).toMatch(/"text":"Second bullet(?: after)?"/);
    expect(text).not.toMatch(/[·•]/);

    // The standfirst takes text only: the editor's own paste, which must not start it with a bullet either.
    putCursor(editor, positionAfter(editor, 'The council met.'));
    editor.view.pasteHTML(`<html><body>${item('Lede point')}</body></html>`);
    const standfirst = editor.state.doc.child(1);
    expect(standfirst.type.name).toBe('standfirst');
    expect(standfirst.textContent).not.toMatch(/[·•]/);
    expect(standfirst.textContent).toContain('Lede point');
  });
});
