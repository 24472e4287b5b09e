import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELD } from '../../collab/docFields.ts';
import { toHtml } from '../../export/toHtml.ts';
import {
  acceptAllSuggestions,
  acceptSuggestion,
  rejectAllSuggestions,
  rejectSuggestion,
  RESOLVE_SUGGESTION_META,
} from './resolveSuggestions.ts';
import { listSuggestions } from './listSuggestions.ts';
import { suggestionArticleExtensions } from './suggestionExtensions.ts';
import { hasPendingSuggestions, withoutSuggestions } from './withoutSuggestions.ts';

const schema = getSchema(suggestionArticleExtensions());

const by = (id: string, authorName = 'Edna') => ({ id, authorId: `u-${authorName}`, authorName, color: '#c0392b', createdAt: '2024-05-01T10:00:00.000Z' });
const ins = (id: string, authorName?: string) => ({ type: 'suggestionInsert', attrs: by(id, authorName) });
const del = (id: string, authorName?: string) => ({ type: 'suggestionDelete', attrs: by(id, authorName) });
const text = (value: string, ...marks: JSONContent['marks'] & object): JSONContent =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };

/** "Only [290→300] expatriates remain[ in the country]." with a headline suggestion too. */
function suggestedStory(): JSONContent {
  return {
    type: 'doc',
    content: [
      { type: 'headline', content: [text('Exodus'), text(' grows', ins('h1', 'Rita'))] },
      { type: 'standfirst', content: [text('Diplomats leave')] },
      {
        type: 'paragraph',
        content: [
          text('Only '),
          text('290', del('s1')),
          text('300', ins('s1')),
          text(' expatriates', { type: 'bold' }),
          text(' remain'),
          text(' in the', ins('s2', 'Rita')),
          text(' country', { type: 'bold' }, ins('s2', 'Rita')),
          text('.'),
        ],
      },
    ],
  };
}

const stateOf = (json: JSONContent) => EditorState.create({ schema, doc: PMNode.fromJSON(schema, json) });
const paragraphText = (state: EditorState) => state.doc.child(2).textContent;

describe('suggestions', () => {
  it('lists pending suggestions with their author and text, in document order', () => {
    expect(listSuggestions(stateOf(suggestedStory()).doc).map((s) => [s.id, s.authorName, s.inserted, s.deleted])).toEqual([
      ['h1', 'Rita', ' grows', ''],
      ['s1', 'Edna', '300', '290'],
      ['s2', 'Rita', ' in the country', ''],
    ]);
  });

  it('accepting keeps the suggested text, drops the deleted one, and leaves other suggestions alone', () => {
    const state = stateOf(suggestedStory());
    const tr = acceptSuggestion(state, 's1');
    expect(tr?.getMeta(RESOLVE_SUGGESTION_META)).toEqual({ accept: true });
    const next = state.apply(tr!);
    expect(paragraphText(next)).toBe('Only 300 expatriates remain in the country.');
    expect(listSuggestions(next.doc).map((s) => s.id)).toEqual(['h1', 's2']);
    next.doc.check();
  });

  it('rejecting drops the suggested text and restores the deleted one', () => {
    const state = stateOf(suggestedStory());
    const afterS1 = state.apply(rejectSuggestion(state, 's1')!);
    const afterS2 = afterS1.apply(rejectSuggestion(afterS1, 's2')!);
    expect(paragraphText(afterS2)).toBe('Only 290 expatriates remain.');
    expect(afterS2.doc.child(2).toJSON().content).toEqual([text('Only 290'), text(' expatriates', { type: 'bold' }), text(' remain.')]);
    expect(rejectSuggestion(afterS2, 's2')).toBeNull();
  });

  it('accepts or rejects all at once, headline included', () => {
    const state = stateOf(suggestedStory());
    const accepted = state.apply(acceptAllSuggestions(state)!);
    expect(accepted.doc.child(0).textContent).toBe('Exodus grows');
    expect(paragraphText(accepted)).toBe('Only 300 expatriates remain in the country.');
    expect(listSuggestions(accepted.doc)).toEqual([]);
    const rejected = state.apply(rejectAllSuggestions(state)!);
    expect(rejected.doc.child(0).textContent).toBe('Exodus');
    expect(paragraphText(rejected)).toBe('Only 290 expatriates remain.');
  });

  it('exports the rejected state and reports pending suggestions', () => {
    const json = suggestedStory();
    expect(hasPendingSuggestions(json)).toBe(true);
    const clean = withoutSuggestions(json);
    expect(hasPendingSuggestions(clean)).toBe(false);
    const state = stateOf(json);
    const rejected = state.apply(rejectAllSuggestions(state)!).doc;
    expect(PMNode.fromJSON(schema, clean).textBetween(0, rejected.content.size, '\n')).toBe(rejected.textBetween(0, rejected.content.size, '\n'));
    const html = toHtml({ meta: { byline: '', slug: '', section: '', tags: [] }, doc: clean });
    expect(html).toContain('<h1>Exodus</h1>');
    expect(html).toContain('<p>Only 290<strong> expatriates</strong> remain.</p>');
    expect(html).not.toMatch(/300|country|suggestion/);
  });

  it('keep their marks through Yjs, and text typed concurrently inside a suggested deletion survives accepting it', () => {
    const a = new Y.Doc();
    prosemirrorJSONToYXmlFragment(schema, suggestedStory(), a.getXmlFragment(DOC_FIELD));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Another writer, not suggesting, types inside the struck-through "290" on their replica.
    const paragraph = b.getXmlFragment(DOC_FIELD).get(2) as Y.XmlElement;
    // As the editor writes it: plain text, explicitly without the marks around it.
    (paragraph.get(0) as Y.XmlText).insert('Only 29'.length, '5', { suggestionDelete: null });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    const merged = yXmlFragmentToProseMirrorRootNode(a.getXmlFragment(DOC_FIELD), schema);
    const state = EditorState.create({ schema, doc: merged });
    expect(listSuggestions(state.doc).find((s) => s.id === 's1')).toMatchObject({ deleted: '290', inserted: '300', authorName: 'Edna' });
    expect(paragraphText(state)).toBe('Only 2950300 expatriates remain in the country.');
    expect(paragraphText(state.apply(acceptSuggestion(state, 's1')!))).toBe('Only 5300 expatriates remain in the country.');
  });

  it('render with the author colour and read back from HTML', () => {
    const mark = schema.marks.suggestionInsert!.create(by('s9'));
    const spec = schema.marks.suggestionInsert!.spec.toDOM!(mark, true) as unknown as [string, Record<string, string>];
    expect(spec[0]).toBe('ins');
    expect(spec[1]).toMatchObject({ 'data-suggestion-id': 's9', 'data-author': 'Edna', class: 'suggestion-insert' });
    expect(spec[1].style).toContain('#c0392b');
  });
});
