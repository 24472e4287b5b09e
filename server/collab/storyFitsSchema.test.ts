// @vitest-environment happy-dom
import { Collaboration } from '@tiptap/extension-collaboration';
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { articleNode } from '../../shared/article/articleNode.ts';
import { readArticle } from '../../shared/article/readArticle.ts';
import { DOC_FIELD, META_MAP } from '../../shared/collab/docFields.ts';
import { articleExtensions } from '../../shared/editor/extensions.ts';
import { positionOf, press, select, suggestingEditor, type } from '../../shared/editor/suggestions/test/suggestingEditor.ts';
import { schemaViolation, storyViolation } from './storyFitsSchema.ts';
import { checkedApply, clientEdit, replicaOf, storyYDoc } from './test/storyDocs.ts';
import { touchedTypes } from './touchedTypes.ts';

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

const fragmentOf = (ydoc: Y.Doc) => ydoc.getXmlFragment(DOC_FIELD);
const text = (value: string): Y.XmlText => new Y.XmlText(value);
function element(name: string, attrs: Record<string, unknown> = {}, children: Array<Y.XmlElement | Y.XmlText> = []): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}
const block = (ydoc: Y.Doc, index: number): Y.XmlElement => fragmentOf(ydoc).get(index) as Y.XmlElement;

/** An editor (plain, or suggesting as Rosa) on a client replica whose every change reaches `server` through the check. */
function editorOn(server: Y.Doc, options: { suggesting?: boolean } = {}) {
  const client = replicaOf(server);
  const violations: unknown[] = [];
  let sent = 0;
  client.on('update', (update: Uint8Array) => {
    sent += 1;
    violations.push(checkedApply(server, update));
  });
  const editor =
    options.suggesting === undefined
      ? new Editor({ element: document.createElement('div'), extensions: [...articleExtensions(), Collaboration.configure({ document: client, field: DOC_FIELD })] })
      : suggestingEditor({ author: { id: 'rosa', name: 'Rosa', color: '#2471a3' }, ydoc: client, suggesting: options.suggesting });
  editors.push(editor);
  return { editor, violations, sent: () => sent };
}

/** A hostile client's edit on a fresh fixture story, as the server's check sees it arrive. */
const hostile = (edit: (client: Y.Doc) => void) => clientEdit(storyYDoc(), edit);

const atEndOf = (editor: Editor, text: string) => positionOf(editor, text, text.length);

describe('schemaViolation on a real collaborative editor', () => {
  it('lets typing, Enter, headings, lists, quotes, figures, READ MORE links, marks and deletions through', () => {
    const server = storyYDoc();
    const { editor, violations, sent } = editorOn(server);
    select(editor, atEndOf(editor, 'left the country.'));
    type(editor, ' More.');
    editor.commands.splitBlock();
    type(editor, 'A new paragraph');
    editor.commands.toggleHeading({ level: 2 });
    editor.commands.toggleBulletList();
    editor.commands.toggleBlockquote();
    editor.commands.setFigure({ src: 'https://img.test/a.jpg', alt: 'Alt', credit: 'Credit', caption: 'Caption' });
    editor.commands.setRelatedLink({ href: '/stories/other', label: 'Other story' });
    editor.commands.setHorizontalRule();
    select(editor, positionOf(editor, 'dwindled'), atEndOf(editor, 'dwindled'));
    editor.commands.toggleBold();
    editor.commands.setLink({ href: 'https://example.com/' });
    select(editor, positionOf(editor, 'Before the COVID-19'), positionOf(editor, 'Air Koryo'));
    press(editor, 'Backspace');
    editor.commands.setContent(editor.getJSON());
    expect(sent()).toBeGreaterThan(8);
    expect(violations.filter(Boolean)).toEqual([]);
    expect(storyViolation(server)).toBeNull();
    expect(() => articleNode(readArticle(server).doc)).not.toThrow();
  });

  it('lets suggesting mode through: suggested insertions, deletions, formatting and figures', () => {
    const server = storyYDoc();
    const { editor, violations } = editorOn(server, { suggesting: true });
    select(editor, positionOf(editor, ' expatriates'));
    type(editor, ' Dutch');
    select(editor, atEndOf(editor, 'just nine'));
    press(editor, 'Backspace', 3);
    select(editor, positionOf(editor, '290'), atEndOf(editor, '290'));
    editor.commands.toggleBold();
    select(editor, positionOf(editor, 'statement'), atEndOf(editor, 'statement'));
    editor.commands.toggleItalic();
    select(editor, atEndOf(editor, 'North Korea sees'));
    type(editor, ' a');
    select(editor, positionOf(editor, 'left the country.'));
    editor.commands.setFigure({ src: '/media/b.jpg', caption: 'Suggested' });
    const suggested = JSON.stringify(readArticle(server).doc);
    for (const kind of ['suggestionInsert', 'suggestionDelete', '"before":[{"type":"bold"', '"kind":"insert"']) expect(suggested).toContain(kind);
    editor.commands.acceptAll();
    expect(violations.filter(Boolean)).toEqual([]);
    expect(storyViolation(server)).toBeNull();
  });
});

describe('schemaViolation on hostile Yjs edits', () => {
  it('refuses a paragraph before the headline', () => {
    const violation = hostile((c) => fragmentOf(c).insert(0, [element('paragraph', {}, [text('First!')])]));
    expect(violation).toEqual({ path: 'doc.content[0]', message: 'Invalid content for node doc: paragraph cannot appear at index 0 (expected headline)' });
  });

  it('refuses two headlines, and a story without its standfirst', () => {
    expect(hostile((c) => fragmentOf(c).insert(1, [element('headline', {}, [text('Again')])]))?.message).toBe(
      'Invalid content for node doc: headline cannot appear at index 1 (expected standfirst)',
    );
    expect(hostile((c) => fragmentOf(c).delete(1, 1))?.path).toBe('doc.content[1]');
    const short = hostile((c) => fragmentOf(c).delete(2, fragmentOf(c).length - 2));
    expect(short?.message).toMatch(/^Invalid content for node doc: the story ends after 2 blocks \(expected .*paragraph.*\)$/);
  });

  it('refuses an unknown node at the top level and deep inside a block', () => {
    expect(hostile((c) => fragmentOf(c).insert(3, [element('widget')]))).toEqual({ path: 'doc.content[3]', message: 'Unknown node type: widget' });
    // The blockquote at index 3 holds one paragraph; a script-chosen element goes in beside it.
    expect(hostile((c) => block(c, 3).insert(1, [element('iframe', { src: 'https://evil.test/' })]))).toEqual({
      path: 'doc.content[3].content[1]',
      message: 'Unknown node type: iframe',
    });
  });

  it('refuses an unknown mark and a mark the node does not allow, naming the text', () => {
    const paragraph = (c: Y.Doc) => block(c, 2).get(0) as Y.XmlText;
    expect(hostile((c) => paragraph(c).format(0, 3, { blink: {} }))).toEqual({
      path: 'doc.content[2].content[0]',
      message: 'There is no mark type blink in this schema',
    });
    const headline = (c: Y.Doc) => block(c, 0).get(0) as Y.XmlText;
    expect(hostile((c) => headline(c).format(0, 5, { bold: {} }))).toEqual({ path: 'doc.content[0].content[0]', message: 'Mark bold is not allowed in node headline' });
    expect(hostile((c) => paragraph(c).format(0, 3, { link: { href: 'https://a.test/', onclick: 'x' } }))?.message).toBe(
      'Unsupported attribute onclick for mark of type link',
    );
  });

  it('refuses a figure without its src, with a bogus attribute, or with a wrong value type', () => {
    const caption = () => [text('Caption')];
    expect(hostile((c) => fragmentOf(c).insert(3, [element('figure', {}, caption())]))).toEqual({
      path: 'doc.content[3].attrs',
      message: 'Node of type figure requires attribute src',
    });
    expect(hostile((c) => fragmentOf(c).insert(3, [element('figure', { src: '/a.jpg', onerror: 'alert(1)' }, caption())]))).toEqual({
      path: 'doc.content[3].attrs',
      message: 'Unsupported attribute onerror for node of type figure',
    });
    expect(hostile((c) => fragmentOf(c).insert(3, [element('figure', { src: '/a.jpg', alt: 42 })]))?.message).toBe(
      'Attribute alt of node type figure must be a string or null',
    );
    // An existing figure (index 7) losing its src or gaining a bogus suggestion.
    expect(hostile((c) => block(c, 7).removeAttribute('src'))?.message).toBe('Node of type figure requires attribute src');
    expect(hostile((c) => block(c, 7).setAttribute('suggestion', { kind: 'explode' } as never))?.message).toBe(
      'Attribute suggestion of node type figure must have kind "insert" or "delete"',
    );
    expect(hostile((c) => block(c, 5).setAttribute('level', 1 as never))?.message).toBe('Attribute level of node type heading must be one of 2, 3');
  });

  it('refuses text directly in the fragment, and embeds in text', () => {
    expect(hostile((c) => fragmentOf(c).insert(2, [text('loose words')]))).toEqual({
      path: 'doc.content[2]',
      message: 'Invalid content for node doc: only blocks may appear at the top level, found text',
    });
    const raw = (value: unknown) => hostile((c) => fragmentOf(c).insert(2, [value as Y.XmlElement]));
    expect(raw('plain JSON')?.message).toBe('Invalid content for node doc: only blocks may appear at the top level, found string');
    expect(raw(null)?.message).toBe('Invalid content for node doc: only blocks may appear at the top level, found object');
    const withNull = storyYDoc();
    clientEdit(withNull, (c) => fragmentOf(c).insert(2, [null as unknown as Y.XmlElement]));
    expect(storyViolation(withNull)?.path).toBe('doc.content[2]');
    expect(hostile((c) => (block(c, 2).get(0) as Y.XmlText).insertEmbed(0, { image: 'x' }))?.message).toBe(
      'Text may only hold characters, not embedded content',
    );
  });

  it('refuses wrong content inside an existing block: text in a list, an empty list item', () => {
    const list = hostile((c) => block(c, 9).insert(0, [text('stray')]));
    expect(list?.path).toBe('doc.content[9]');
    expect(list?.message).toMatch(/^Invalid content for node bulletList/);
    const item = hostile((c) => (block(c, 9).get(1) as Y.XmlElement).delete(0, 1));
    expect(item?.path).toBe('doc.content[9].content[1]');
    expect(item?.message).toMatch(/^Invalid content for node listItem/);
  });

  it('refuses meta of the wrong types and unknown meta keys', () => {
    const meta = (c: Y.Doc) => c.getMap(META_MAP);
    expect(hostile((c) => meta(c).set('byline', 42))).toEqual({ path: 'meta.byline', message: 'Meta field byline must be a string' });
    expect(hostile((c) => meta(c).set('tags', 'a,b'))).toEqual({ path: 'meta.tags', message: 'Meta field tags must be a list (Y.Array) of strings' });
    expect(hostile((c) => (meta(c).get('tags') as Y.Array<unknown>).push([{ evil: true }]))).toEqual({
      path: 'meta.tags[3]',
      message: 'Meta field tags must hold strings only',
    });
    expect(hostile((c) => meta(c).set('script', 'x'))).toEqual({ path: 'meta.script', message: 'Unknown meta field script' });
    expect(hostile((c) => meta(c).set('slug', 'new-slug'))).toBeNull();
    expect(hostile((c) => (meta(c).get('tags') as Y.Array<unknown>).push(['Asia']))).toBeNull();
  });

  it('leaves other top-level types alone and skips blocks the same change removed', () => {
    expect(hostile((c) => c.getMap('bench').set('writer', { anything: [1, 2] }))).toBeNull();
    expect(
      hostile((c) => {
        (block(c, 2).get(0) as Y.XmlText).format(0, 3, { blink: {} });
        fragmentOf(c).delete(2, 1);
      }),
    ).toBeNull();
  });

  it('checks a block created in the same change as its parent list, inside an existing block', () => {
    const item = () => element('listItem', {}, [element('paragraph', {}, [text('Fine')])]);
    expect(hostile((c) => block(c, 9).insert(3, [item()]))).toBeNull();
    const bad = hostile((c) => block(c, 9).insert(3, [element('listItem', {}, [element('paragraph', { align: 'left' })])]));
    expect(bad).toEqual({ path: 'doc.content[9].content[3].content[0].attrs', message: 'Unsupported attribute align for node of type paragraph' });
  });

  it('agrees with the whole-story check on the fixture', () => {
    const server = storyYDoc();
    expect(storyViolation(server)).toBeNull();
    expect(schemaViolation(server, [])).toBeNull();
    clientEdit(server, (c) => fragmentOf(c).insert(0, [element('paragraph')]));
    expect(storyViolation(server)?.path).toBe('doc.content[0]');
  });

  it('finds the fragment and the meta map whether or not the server asked for them before the update', () => {
    const typed = storyYDoc();
    typed.getXmlFragment(DOC_FIELD);
    typed.getMap(META_MAP);
    expect(clientEdit(typed, (c) => fragmentOf(c).insert(0, [element('paragraph')]))?.path).toBe('doc.content[0]');
    expect(clientEdit(typed, (c) => c.getMap(META_MAP).set('slug', 7))?.path).toBe('meta.slug');
    // storyYDoc() leaves both as the untyped placeholders Yjs makes while applying an update.
    expect(hostile((c) => c.getMap(META_MAP).set('slug', 7))?.path).toBe('meta.slug');
  });
});

describe('touchedTypes and plain typing', () => {
  /** What touchedTypes reports for `edit` made on `ydoc` itself. */
  function touchedBy(ydoc: Y.Doc, edit: () => void): Array<Y.AbstractType<any>> {
    let touched: Array<Y.AbstractType<any>> = [];
    const collect = (transaction: Y.Transaction): void => {
      touched = touchedTypes(transaction);
    };
    ydoc.on('afterTransaction', collect);
    ydoc.transact(edit);
    ydoc.off('afterTransaction', collect);
    return touched;
  }

  it('leaves out characters typed or deleted in a paragraph, keeps formatting, attributes and new blocks', () => {
    const story = storyYDoc();
    const paragraph = block(story, 2);
    const words = paragraph.get(0) as Y.XmlText;
    expect(touchedBy(story, () => words.insert(4, 'x'))).toEqual([]);
    expect(touchedBy(story, () => words.delete(4, 3))).toEqual([]);
    expect(touchedBy(story, () => words.format(0, 3, { italic: {} }))).toEqual([words]);
    expect(touchedBy(story, () => words.setAttribute('x', 'y'))).toEqual([words]);
    const next = element('paragraph', {}, [text('New')]);
    expect(touchedBy(story, () => fragmentOf(story).insert(3, [next]))).toEqual([fragmentOf(story), next, next.get(0)]);
  });

  it('still checks characters typed into a text a block holds only as an empty leftover', () => {
    const server = storyYDoc();
    expect(clientEdit(server, (c) => block(c, 9).insert(0, [text('')]))).toBeNull();
    const typed = clientEdit(server, (c) => (block(c, 9).get(0) as Y.XmlText).insert(0, 'x'));
    expect(typed?.message).toMatch(/^Invalid content for node bulletList/);
  });

  it('refuses formatting a block does not allow even where it covers no character: plain typing there would show it unchecked', () => {
    // Rita deletes words inside the paragraph; a script formats them concurrently, so its formatting arrives covering nothing
    // (Yjs keeps such formatting in the middle of a text; a crafted insertion can later land inside it).
    const invisible = (mark: string) => {
      const server = storyYDoc();
      const script = replicaOf(server);
      expect(clientEdit(server, (rita) => (block(rita, 2).get(0) as Y.XmlText).delete(4, 8))).toBeNull();
      (block(script, 2).get(0) as Y.XmlText).format(4, 8, { [mark]: {} });
      return checkedApply(server, Y.encodeStateAsUpdate(script, Y.encodeStateVector(server)));
    };
    expect(invisible('blink')).toEqual({ path: 'doc.content[2].content[0]', message: 'There is no mark type blink in this schema' });
    expect(invisible('bold--abcdefgh')).toEqual({ path: 'doc.content[2].content[0]', message: 'Mark bold cannot be stored under bold--abcdefgh' });
    expect(invisible('italic')).toBeNull();
  });

  it('lets a long paragraph of scattered keystrokes be typed into without converting it', () => {
    const server = storyYDoc();
    const client = replicaOf(server);
    const words = block(client, 2).get(0) as Y.XmlText;
    for (let i = 0; i < 500; i += 1) words.insert((i * 7919) % (words.length + 1), 'k');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    const before = Y.encodeStateVector(server);
    words.insert(words.length, '!');
    let touched: unknown[] = [];
    server.on('afterTransaction', (transaction: Y.Transaction) => {
      touched = touchedTypes(transaction);
    });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before));
    expect(touched).toEqual([]);
    expect(storyViolation(server)).toBeNull();
  });
});
