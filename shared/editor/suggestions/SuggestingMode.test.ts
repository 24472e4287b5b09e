// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { listSuggestions } from './listSuggestions.ts';
import { isSuggestingEditor, REFUSED_BLOCK_CHANGE, SKIP_SUGGESTIONS_META, SuggestingMode } from './SuggestingMode.ts';
import { suggestionArticleExtensions } from './suggestionExtensions.ts';
import { positionOf, press, select, storyJson, suggestingEditor, type } from './test/suggestingEditor.ts';
import { hasPendingSuggestions, withoutSuggestions } from './withoutSuggestions.ts';

const edna = { id: 'u-edna', name: 'Edna', color: '#c0392b' };
const rita = { id: 'u-rita', name: 'Rita', color: '#2471a3' };

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

function editorFor(options: Parameters<typeof suggestingEditor>[0]): Editor {
  const editor = suggestingEditor({ content: storyJson(), ...options });
  editors.push(editor);
  return editor;
}

const body = (editor: Editor) => editor.state.doc.child(2).textContent;
const summaries = (editor: Editor) => listSuggestions(editor.state.doc).map((s) => [s.kind, s.authorName, s.inserted, s.deleted]);

describe('SuggestingMode on one editor', () => {
  it('typing is one insertion suggestion; accepting keeps it, rejecting removes it', () => {
    const editor = editorFor({ author: edna, suggesting: true });
    select(editor, positionOf(editor, ' expatriates'));
    type(editor, ' Dutch');
    expect(body(editor)).toBe('Only 290 Dutch expatriates remain.');
    expect(summaries(editor)).toEqual([['insert', 'Edna', ' Dutch', '']]);
    const [suggestion] = listSuggestions(editor.state.doc);
    expect(editor.state.doc.textBetween(suggestion!.from, suggestion!.to)).toBe(' Dutch');

    const copy = editorFor({ author: edna, content: editor.getJSON() });
    expect(copy.commands.rejectSuggestion(suggestion!.id)).toBe(true);
    expect(body(copy)).toBe('Only 290 expatriates remain.');
    expect(editor.commands.acceptSuggestion(suggestion!.id)).toBe(true);
    expect(body(editor)).toBe('Only 290 Dutch expatriates remain.');
    expect(hasPendingSuggestions(editor.getJSON())).toBe(false);
  });

  it('Backspace strikes text through and walks left; Backspace over your own suggestion really removes it', () => {
    const editor = editorFor({ author: edna, suggesting: true });
    select(editor, positionOf(editor, ' expatriates'));
    press(editor, 'Backspace', 3);
    expect(body(editor)).toBe('Only 290 expatriates remain.');
    expect(editor.state.selection.from).toBe(positionOf(editor, '290'));
    type(editor, '3001');
    press(editor, 'Backspace');
    expect(body(editor)).toBe('Only 300290 expatriates remain.');
    expect(summaries(editor)).toEqual([['replace', 'Edna', '300', '290']]);
    editor.commands.acceptAll();
    expect(body(editor)).toBe('Only 300 expatriates remain.');
  });

  it('Delete strikes text and moves right; replacing a selection suggests deletion and insertion as one', () => {
    const editor = editorFor({ author: edna, suggesting: true });
    select(editor, positionOf(editor, 'Only'));
    press(editor, 'Delete', 5);
    expect(editor.state.selection.from).toBe(positionOf(editor, '290'));
    select(editor, positionOf(editor, 'remain'), positionOf(editor, 'remain', 6));
    type(editor, 'stay');
    expect(body(editor)).toBe('Only 290 expatriates remainstay.');
    expect(summaries(editor)).toEqual([
      ['delete', 'Edna', '', 'Only '],
      ['replace', 'Edna', 'stay', 'remain'],
    ]);
    const rejected = editorFor({ author: rita, content: editor.getJSON() });
    rejected.commands.rejectAll();
    expect(body(rejected)).toBe('Only 290 expatriates remain.');
    editor.commands.acceptAll();
    expect(body(editor)).toBe('290 expatriates stay.');
  });

  it('deleting a selection that spans another author’s insertion and plain text marks both, keeps the other suggestion', () => {
    const editor = editorFor({ author: rita, suggesting: true });
    select(editor, positionOf(editor, ' remain'));
    type(editor, ' still');
    editor.commands.setSuggesting(false);
    editor.destroy();
    const edited = editorFor({ author: edna, suggesting: true, content: editor.getJSON() });
    select(edited, positionOf(edited, 'expatriates still', 4), positionOf(edited, ' remain', 3));
    press(edited, 'Backspace');
    expect(body(edited)).toBe('Only 290 expatriates still remain.');
    const ritaInsert = listSuggestions(edited.state.doc).find((s) => s.authorName === 'Rita')!;
    expect(ritaInsert.inserted).toBe(' still');
    const ednaDelete = listSuggestions(edited.state.doc).find((s) => s.authorName === 'Edna')!;
    expect(ednaDelete.deleted).toBe('triates still re');
    edited.commands.acceptSuggestion(ednaDelete.id);
    expect(body(edited)).toBe('Only 290 expamain.');
    expect(listSuggestions(edited.state.doc)).toEqual([]);
  });

  it('pasted paragraphs are suggested; rejecting them leaves no empty paragraph behind', () => {
    const editor = editorFor({ author: edna, suggesting: true });
    select(editor, positionOf(editor, 'remain'));
    editor.commands.insertContent('<p>one</p><p>two</p>');
    expect(summaries(editor)).toEqual([['insert', 'Edna', 'onetwo', '']]);
    editor.commands.rejectAll();
    // The split the paste made is structure, applied for real: the sentence stays in two paragraphs.
    expect(editor.state.doc.content.content.map((node) => node.textContent)).toEqual(['Exodus', 'Diplomats leave', 'Only 290 expatriates ', 'remain.']);
  });

  it('formatting is a format suggestion: shown, then kept on accept or undone on reject', () => {
    const editor = editorFor({ author: edna, suggesting: true });
    select(editor, positionOf(editor, 'expatriates'), positionOf(editor, 'expatriates', 11));
    expect(editor.commands.toggleBold()).toBe(true);
    expect(editor.isActive('bold')).toBe(true);
    const [format] = listSuggestions(editor.state.doc);
    expect(format).toMatchObject({ kind: 'format', text: 'expatriates', formats: { added: ['bold'], removed: [] } });

    const rejected = editorFor({ author: edna, content: editor.getJSON() });
    rejected.commands.rejectSuggestion(format!.id);
    expect(rejected.getJSON()).toEqual(editorFor({ author: edna }).getJSON());

    editor.commands.acceptSuggestion(format!.id);
    expect(editor.getJSON().content?.[2]?.content).toEqual([
      { type: 'text', text: 'Only 290 ' },
      { type: 'text', text: 'expatriates', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' remain.' },
    ]);
  });

  it('a removed link comes back with its address when the suggestion is rejected', () => {
    const content = storyJson();
    content.content![2]!.content = [
      { type: 'text', text: 'Only ' },
      { type: 'text', text: '290', marks: [{ type: 'link', attrs: { href: 'https://mfa.test/', target: null, rel: 'noopener noreferrer', class: null, title: null } }] },
      { type: 'text', text: ' expatriates remain.' },
    ];
    const editor = editorFor({ author: edna, suggesting: true, content });
    const before = editor.getJSON();
    select(editor, positionOf(editor, '290'), positionOf(editor, '290', 3));
    editor.commands.unsetLink();
    expect(editor.isActive('link')).toBe(false);
    expect(listSuggestions(editor.state.doc)[0]?.formats).toEqual({ added: [], removed: ['link'] });
    editor.commands.rejectAll();
    expect(editor.getJSON()).toEqual(before);
  });

  it('a figure inserted while suggesting is a block suggestion; rejecting removes it, accepting keeps it', () => {
    const editor = editorFor({ author: edna, suggesting: true });
    select(editor, positionOf(editor, 'remain'));
    editor.commands.setFigure({ src: 'https://img.test/a.jpg', alt: 'Trolley', credit: 'MFA', caption: 'A family' });
    const figure = editor.getJSON().content?.[3];
    expect(figure).toMatchObject({ type: 'figure', attrs: { src: 'https://img.test/a.jpg', suggestion: { kind: 'insert', authorName: 'Edna' } } });
    const [suggestion] = listSuggestions(editor.state.doc);
    expect(suggestion).toMatchObject({ kind: 'insert', text: 'A family', blocks: [{ type: 'figure', kind: 'insert' }] });
    expect(editor.view.dom.querySelector('figure.suggestion-block-insert')).not.toBeNull();

    const rejected = editorFor({ author: rita, content: editor.getJSON() });
    rejected.commands.rejectAll();
    expect(rejected.getJSON().content?.map((node) => node.type)).not.toContain('figure');
    editor.commands.acceptAll();
    expect(editor.getJSON().content?.[3]).toEqual({
      type: 'figure',
      attrs: { src: 'https://img.test/a.jpg', alt: 'Trolley', credit: 'MFA', suggestion: null },
      content: [{ type: 'text', text: 'A family' }],
    });
  });

  it('deleting a figure or READ MORE link while suggesting marks it deleted; accepting removes it', () => {
    const plain = editorFor({ author: rita });
    select(plain, positionOf(plain, 'remain'));
    plain.commands.setRelatedLink({ href: '/stories/other', label: 'Other story' });
    const editor = editorFor({ author: edna, suggesting: true, content: plain.getJSON() });
    const linkPos = editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize + editor.state.doc.child(2).nodeSize;
    editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, linkPos)));
    press(editor, 'Delete');
    expect(editor.state.doc.child(3).attrs.suggestion).toMatchObject({ kind: 'delete', authorName: 'Edna' });
    expect(listSuggestions(editor.state.doc)[0]).toMatchObject({ kind: 'delete', blocks: [{ type: 'relatedLink', kind: 'delete' }] });
    expect(withoutSuggestions(editor.getJSON()).content?.[3]).toEqual({
      type: 'relatedLink',
      attrs: { href: '/stories/other' },
      content: [{ type: 'text', text: 'Other story' }],
    });
    editor.commands.acceptAll();
    expect(editor.getJSON().content?.map((node) => node.type)).toEqual(['headline', 'standfirst', 'paragraph', 'paragraph']);
  });

  it('refuses block-type changes with a reason, and setSuggesting switches the mode', () => {
    const refusals: string[] = [];
    const editor = editorFor({ author: edna, refusals });
    select(editor, positionOf(editor, 'Only'));
    editor.commands.setSuggesting(true);
    expect(editor.commands.toggleHeading({ level: 2 })).toBe(true);
    expect(editor.state.doc.child(2).type.name).toBe('paragraph');
    expect(refusals).toEqual([REFUSED_BLOCK_CHANGE]);
    editor.commands.setSuggesting(false);
    type(editor, 'Now ');
    editor.commands.toggleHeading({ level: 2 });
    expect(editor.state.doc.child(2).type.name).toBe('heading');
    expect(hasPendingSuggestions(editor.getJSON())).toBe(false);
  });

  it('required suggesting cannot be switched off; programmatic changes with the skip meta stay plain', () => {
    let required = true;
    const editor = new Editor({
      element: document.createElement('div'),
      content: storyJson(),
      extensions: [...suggestionArticleExtensions(), SuggestingMode.configure({ required: () => required, author: () => edna })],
    });
    editors.push(editor);
    expect(isSuggestingEditor(editor)).toBe(true);
    expect(editor.commands.setSuggesting(false)).toBe(false);
    editor.view.dispatch(editor.state.tr.insertText('Tool: ', positionOf(editor, 'Only')).setMeta(SKIP_SUGGESTIONS_META, true));
    select(editor, positionOf(editor, '.'));
    type(editor, '!');
    expect(summaries(editor)).toEqual([['insert', 'Edna', '!', '']]);
    expect(body(editor)).toBe('Tool: Only 290 expatriates remain!.');
    required = false;
    expect(isSuggestingEditor(editor)).toBe(false);
  });

  it('someone not suggesting who types inside a suggestion writes plain text', () => {
    const suggester = editorFor({ author: edna, suggesting: true });
    select(suggester, positionOf(suggester, '290'), positionOf(suggester, '290', 3));
    type(suggester, '300');
    const plain = editorFor({ author: rita, content: suggester.getJSON() });
    select(plain, positionOf(plain, '290', 1));
    type(plain, '5');
    select(plain, positionOf(plain, '300', 1));
    type(plain, '7');
    expect(body(plain)).toBe('Only 25903700 expatriates remain.');
    expect(summaries(plain)).toEqual([['replace', 'Edna', '300', '290']]);
    const rejected = editorFor({ author: rita, content: plain.getJSON() });
    rejected.commands.rejectAll();
    expect(body(rejected)).toBe('Only 25907 expatriates remain.');
    plain.commands.acceptAll();
    expect(body(plain)).toBe('Only 53700 expatriates remain.');
  });
});
