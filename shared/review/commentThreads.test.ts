import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ErrorId } from '../api.ts';
import { DOC_FIELD } from '../collab/docFields.ts';
import { articleSchema } from '../editor/schema.ts';
import {
  addThread,
  deleteComment,
  editComment,
  listThreads,
  reopen,
  reply,
  resolve,
  type CommentAuthor,
} from './commentThreads.ts';
import { storyNode } from './quoteBetween.ts';
import { ReviewError } from './ReviewError.ts';

const editor: CommentAuthor = { id: 'u-ed', name: 'Edna Editor', color: '#c0392b' };
const reporter: CommentAuthor = { id: 'u-rep', name: 'Rita Reporter', color: '#2980b9' };

const para = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const story: JSONContent = {
  type: 'doc',
  content: [
    { type: 'headline', content: [{ type: 'text', text: 'Exodus from Pyongyang' }] },
    { type: 'standfirst', content: [{ type: 'text', text: 'Diplomats leave' }] },
    para('The embassy said that only 290 expatriates remain.'),
    para('Aid workers have left.'),
  ],
};

/** Two replicas of one story; updates travel only when `sync` is called, so edits in between are concurrent. */
function replicas(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  prosemirrorJSONToYXmlFragment(articleSchema, story, a.getXmlFragment(DOC_FIELD));
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** ProseMirror range of the first occurrence of `words` in the story. */
function rangeOf(ydoc: Y.Doc, words: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  storyNode(ydoc).descendants((node, pos) => {
    const index = node.isText ? (node.text ?? '').indexOf(words) : -1;
    if (!found && index >= 0) found = { from: pos + index, to: pos + index + words.length };
    return !found;
  });
  if (!found) throw new Error(`"${words}" is not in the story`);
  return found;
}

/** The Y.XmlText of top-level block `index`, where a real editor's typing lands. */
const textOfBlock = (ydoc: Y.Doc, index: number): Y.XmlText =>
  (ydoc.getXmlFragment(DOC_FIELD).get(index) as Y.XmlElement).get(0) as Y.XmlText;

function commentOn(ydoc: Y.Doc, words: string, author = editor): string {
  return addThread(ydoc, { ...rangeOf(ydoc, words), body: `About "${words}"`, author });
}

describe('comment threads', () => {
  it('opens a thread on the selected words with its first comment', () => {
    const [a] = replicas();
    const id = addThread(a, { ...rangeOf(a, '290 expatriates'), body: '  Source? ', author: editor, now: new Date('2024-05-01T10:00:00Z') });
    const [thread] = listThreads(a);
    expect(thread).toMatchObject({
      id,
      quote: '290 expatriates',
      originalQuote: '290 expatriates',
      detached: false,
      resolved: false,
      author: editor,
      createdAt: '2024-05-01T10:00:00.000Z',
    });
    expect(thread?.replies).toEqual([
      { id: thread?.replies[0]?.id, author: editor, body: 'Source?', createdAt: '2024-05-01T10:00:00.000Z', editedAt: null, deleted: false },
    ]);
    expect(rangeOf(a, '290 expatriates')).toEqual({ from: thread?.from, to: thread?.to });
  });

  it('keeps the anchor on its words while another replica edits around them', () => {
    const [a, b] = replicas();
    const id = commentOn(a, '290 expatriates');
    const text = textOfBlock(b, 2);
    text.insert(0, 'Officials say: ');
    text.insert(text.toString().indexOf(' remain'), ' (est.)');
    b.getXmlFragment(DOC_FIELD).insert(2, [new Y.XmlElement('paragraph')]);
    sync(a, b);
    for (const doc of [a, b]) {
      const [thread] = listThreads(doc);
      expect(thread?.id).toBe(id);
      expect(thread?.quote).toBe('290 expatriates');
      expect({ from: thread?.from, to: thread?.to }).toEqual(rangeOf(doc, '290 expatriates'));
    }
    expect(textOfBlock(a, 3).toString()).toBe('Officials say: The embassy said that only 290 expatriates (est.) remain.');
  });

  it('grows with text typed inside the words, not with text typed at their edges', () => {
    const [a, b] = replicas();
    commentOn(a, '290 expatriates');
    sync(a, b);
    const text = textOfBlock(b, 2);
    const start = text.toString().indexOf('290');
    text.insert(start + '290 expatriates'.length, '!');
    text.insert(start + 3, ' foreign');
    text.insert(start, '~');
    sync(a, b);
    expect(listThreads(a)[0]?.quote).toBe('290 foreign expatriates');
  });

  it('detaches, but keeps, a thread whose words were deleted, and keeps others in place', () => {
    const [a, b] = replicas();
    const gone = commentOn(a, '290 expatriates');
    const kept = commentOn(a, 'Aid workers');
    const headline = commentOn(a, 'Exodus');
    sync(a, b);
    const text = textOfBlock(b, 2);
    text.delete(text.toString().indexOf('290'), '290 expatriates'.length);
    sync(a, b);
    const threads = listThreads(a);
    expect(threads.map((thread) => thread.id)).toEqual([headline, kept, gone]);
    expect(threads[2]).toMatchObject({ detached: true, quote: '290 expatriates', from: null, to: null });
    expect(threads[1]).toMatchObject({ detached: false, quote: 'Aid workers' });
    expect(threads[0]).toMatchObject({ detached: false, quote: 'Exodus', from: 1, to: 7 });
  });

  it('detaches a thread whose whole paragraph was deleted', () => {
    const [a, b] = replicas();
    commentOn(a, 'Aid workers');
    sync(a, b);
    b.getXmlFragment(DOC_FIELD).delete(3, 1);
    sync(a, b);
    expect(listThreads(b)[0]).toMatchObject({ detached: true, quote: 'Aid workers' });
  });

  it('keeps only the surviving part when the words are partly deleted', () => {
    const [a, b] = replicas();
    commentOn(a, '290 expatriates');
    sync(a, b);
    const text = textOfBlock(b, 2);
    text.delete(text.toString().indexOf('290'), 4);
    sync(a, b);
    expect(listThreads(a)[0]).toMatchObject({ detached: false, quote: 'expatriates' });
  });

  it('converges on replies made at the same time on two replicas', () => {
    const [a, b] = replicas();
    const id = commentOn(a, '290 expatriates');
    sync(a, b);
    reply(a, id, { body: 'From the embassy post', author: reporter });
    reply(b, id, { body: 'Please link it', author: editor });
    reply(b, id, { body: 'And the date', author: editor });
    sync(a, b);
    const bodies = (doc: Y.Doc) => listThreads(doc)[0]?.replies.map((entry) => entry.body);
    expect(bodies(a)).toEqual(bodies(b));
    expect(bodies(a)).toHaveLength(4);
    expect(new Set(bodies(a))).toEqual(new Set(['About "290 expatriates"', 'From the embassy post', 'Please link it', 'And the date']));
  });

  it('lets authors edit and delete only their own comments', () => {
    const [a] = replicas();
    const id = commentOn(a, 'Aid workers');
    const first = listThreads(a)[0]?.replies[0]?.id as string;
    const answer = reply(a, id, { body: 'Which ones?', author: reporter });
    expect(() => editComment(a, id, first, reporter, 'hijacked')).toThrow(ReviewError);
    try {
      deleteComment(a, id, first, reporter);
      expect.unreachable();
    } catch (error) {
      expect((error as ReviewError).id).toBe(ErrorId.Forbidden);
    }
    editComment(a, id, answer, reporter, 'Which NGOs?', { now: new Date('2024-05-01T11:00:00Z') });
    deleteComment(a, id, first, editor);
    const replies = listThreads(a)[0]?.replies;
    expect(replies?.[0]).toMatchObject({ deleted: true, body: '' });
    expect(replies?.[1]).toMatchObject({ body: 'Which NGOs?', editedAt: '2024-05-01T11:00:00.000Z', deleted: false });
    expect(() => editComment(a, id, first, editor, 'back')).toThrow(/No comment/);
    deleteComment(a, id, answer, reporter);
    expect(listThreads(a)).toEqual([]);
  });

  it('resolves and reopens, and every replica sees it', () => {
    const [a, b] = replicas();
    const id = commentOn(a, 'Diplomats');
    resolve(a, id, reporter, { now: new Date('2024-05-02T09:00:00Z') });
    sync(a, b);
    expect(listThreads(b)[0]).toMatchObject({ resolved: true, resolvedBy: reporter, resolvedAt: '2024-05-02T09:00:00.000Z' });
    reopen(b, id, editor);
    sync(a, b);
    expect(listThreads(a)[0]).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
  });

  it('refuses empty comments, empty selections and unknown threads', () => {
    const [a] = replicas();
    const range = rangeOf(a, 'Aid');
    expect(() => addThread(a, { ...range, body: '   ', author: editor })).toThrow(/needs some text/);
    expect(() => addThread(a, { from: range.from, to: range.from, body: 'x', author: editor })).toThrow(/Select some text/);
    // From the end of the standfirst to the start of the next paragraph: no words in between.
    const boundary = rangeOf(a, 'The embassy').from;
    expect(() => addThread(a, { from: boundary - 2, to: boundary, body: 'x', author: editor })).toThrow(/Select some text/);
    expect(() => addThread(a, { from: 0, to: 10_000, body: 'x', author: editor })).toThrow(RangeError);
    expect(() => reply(a, 'nope', { body: 'x', author: editor })).toThrow(/No comment thread/);
  });

  it('quotes a selection spanning two paragraphs and survives a reload from the stored update', () => {
    const [a] = replicas();
    const from = rangeOf(a, 'remain.').from;
    const to = rangeOf(a, 'Aid').to;
    addThread(a, { from, to, body: 'Merge these?', author: editor });
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(a));
    expect(listThreads(reloaded)[0]).toMatchObject({ quote: 'remain.\nAid', from, to, detached: false });
  });

  it('never writes to the document when listing', () => {
    const [a] = replicas();
    commentOn(a, 'Aid workers');
    const before = Y.encodeStateVector(a);
    listThreads(a);
    expect(Y.encodeStateVector(a)).toEqual(before);
  });
});
