import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../../shared/article/fixtureArticle.ts';
import { foldText, searchTerms } from '../../shared/search/foldText.ts';
import type { SearchDocument } from './SearchDocument.ts';
import { searchDocumentOf } from './searchDocumentOf.ts';
import { snippetOf } from './snippetOf.ts';

const empty: SearchDocument = { headline: '', standfirst: '', body: '', captions: '', byline: '', slug: '', section: '', tags: [] };
const markedOf = (document: SearchDocument, query: string) =>
  snippetOf(document, searchTerms(query))
    ?.parts.filter((part) => part.marked)
    .map((part) => part.text);

describe('searchDocumentOf', () => {
  it('splits a story into headline, standfirst, body, captions and meta', () => {
    const document = searchDocumentOf(fixtureArticleJson());
    expect(document.headline).toBe('North Korea sees mass exodus of foreigners due to COVID-19');
    expect(document.standfirst).not.toBe('');
    expect(document.body).not.toContain(document.headline);
    expect(document.body).not.toContain(document.captions);
    expect(document.captions).not.toBe('');
    expect(document.byline).toBe('Seoul bureau');
    expect(document.tags).toEqual(['North Korea', 'COVID-19', 'Diplomacy']);
  });

  it('leaves out a suggested insertion no one accepted, as the word count does', () => {
    const article = fixtureArticleJson();
    article.doc.content!.push({
      type: 'paragraph',
      content: [{ type: 'text', text: 'unaccepted words', marks: [{ type: 'suggestionInsert', attrs: { id: 's1', author: 'x', authorName: 'X', at: '2024-01-01T00:00:00Z' } }] }],
    });
    expect(searchDocumentOf(article).body).not.toContain('unaccepted');
  });
});

describe('snippetOf', () => {
  it('marks each word that begins with a term, whatever its case and accents', () => {
    const document = { ...empty, body: 'Talks in Pyŏngyang’s quarter; pyongyang again, and PYONGYANG.' };
    expect(markedOf(document, 'pyong')).toEqual(['Pyŏngyang', 'pyongyang', 'PYONGYANG']);
    expect(markedOf(document, 'ongyang')).toBeUndefined();
  });

  it('prefers the part holding most terms, the body on a tie, and cuts long text around the first match', () => {
    const long = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The harbour closed at noon. ${'Consectetur adipiscing elit. '.repeat(20)}`;
    const document = { ...empty, headline: 'Harbour news', body: long, section: 'Harbour noon' };
    const match = snippetOf(document, searchTerms('harbour noon'))!;
    expect(match.field).toBe('body');
    const text = match.parts.map((part) => part.text).join('');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text).toContain('The harbour closed at noon.');
    expect(text.length).toBeLessThan(260);
    expect(snippetOf({ ...document, body: 'nothing here' }, searchTerms('harbour noon'))!.field).toBe('section');
    expect(snippetOf({ ...document, body: 'nothing here', section: '' }, searchTerms('harbour'))!.field).toBe('headline');
    expect(snippetOf(document, searchTerms('volcano'))).toBeNull();
  });

  it('gives back the text it was given, in order, for any text and query', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (body, query) => {
        const match = snippetOf({ ...empty, body }, searchTerms(query));
        if (!match) return;
        const text = match.parts.map((part) => part.text).join('');
        const inner = text.replace(/^… /, '').replace(/ …$/, '');
        expect(body.replace(/\s+/g, ' ').trim()).toContain(inner);
        for (const part of match.parts.filter((p) => p.marked)) {
          expect(searchTerms(query).some((term) => foldText(part.text).replace(/[^\p{L}\p{N}]/gu, '').startsWith(term))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
