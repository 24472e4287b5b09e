import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchDocument } from '../search/SearchDocument.ts';
import type { SearchIndex } from './SearchIndex.ts';

/** What a SearchIndex implementation gives the contract suite. */
export interface SearchIndexHarness {
  index: SearchIndex;
  /** Another index on the same database, as a restarted server opens it. */
  reopen(): SearchIndex | Promise<SearchIndex>;
  close(): void | Promise<void>;
}

function documentOf(overrides: Partial<SearchDocument>): SearchDocument {
  return { headline: '', standfirst: '', body: '', captions: '', byline: '', slug: '', section: '', tags: [], ...overrides };
}

/** Runs the SearchIndex contract against any implementation; every backend must pass it. */
export function searchIndexContract(name: string, createHarness: () => SearchIndexHarness | Promise<SearchIndexHarness>): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let harness: SearchIndexHarness;
    let index: SearchIndex;
    const sorted = async (query: string) => (await index.search(query, 100)).sort();

    beforeEach(async () => {
      harness = await createHarness();
      index = harness.index;
    });
    afterEach(() => harness.close());

    it('finds a story by a word of any of its parts, and nothing for a word it lacks', async () => {
      const fields: Array<[string, Partial<SearchDocument>]> = [
        ['h', { headline: 'Harbour closes' }],
        ['s', { standfirst: 'Standfirst mentions glaciers' }],
        ['b', { body: 'The body talks of a referendum.\nSecond paragraph.' }],
        ['c', { captions: 'A caption about lighthouses' }],
        ['y', { byline: 'Ana Quintero' }],
        ['g', { slug: 'budget-vote-2024' }],
        ['e', { section: 'Obituaries' }],
        ['t', { tags: ['fisheries', 'weather'] }],
      ];
      for (const [id, fields_] of fields) await index.put(id, documentOf(fields_));
      expect(await index.search('harbour', 10)).toEqual(['h']);
      expect(await index.search('glaciers', 10)).toEqual(['s']);
      expect(await index.search('referendum', 10)).toEqual(['b']);
      expect(await index.search('lighthouses', 10)).toEqual(['c']);
      expect(await index.search('quintero', 10)).toEqual(['y']);
      expect(await index.search('budget 2024', 10)).toEqual(['g']);
      expect(await index.search('obituaries', 10)).toEqual(['e']);
      expect(await index.search('fisheries', 10)).toEqual(['t']);
      expect(await index.search('volcano', 10)).toEqual([]);
      expect(await index.indexedIds()).toEqual(['b', 'c', 'e', 'g', 'h', 's', 't', 'y']);
    });

    it('matches word prefixes, ignores case and diacritics, and needs every word', async () => {
      await index.put('p', documentOf({ body: 'Talks in Pyŏngyang’s old quarter; the CAFÉ stayed open.' }));
      await index.put('q', documentOf({ body: "Pyongyang's envoy left early." }));
      await index.put('z', documentOf({ body: 'Zürich and Łódź sign a pact' }));
      expect(await sorted('Pyongyang')).toEqual(['p', 'q']);
      expect(await sorted('pyong')).toEqual(['p', 'q']);
      expect(await sorted('PYŎNG')).toEqual(['p', 'q']);
      expect(await sorted('cafe')).toEqual(['p']);
      expect(await sorted('café open')).toEqual(['p']);
      expect(await sorted('pyongyang envoy')).toEqual(['q']);
      expect(await sorted('zurich lodz')).toEqual(['z']);
      // A prefix counts at the start of a word only.
      expect(await sorted('ongyang')).toEqual([]);
    });

    it('ranks stories whose headline holds the words first, whatever the body says', async () => {
      await index.put('body1', documentOf({ headline: 'Council meets', body: 'Flooding, flooding and more flooding in the valley. Flooding again.' }));
      await index.put('head', documentOf({ headline: 'Flooding closes the valley road', body: 'Traffic was diverted.' }));
      await index.put('body2', documentOf({ headline: 'Weather', standfirst: 'Flooding expected', body: 'Flooding.' }));
      const hits = await index.search('flood', 10);
      expect(hits[0]).toBe('head');
      expect(hits.sort()).toEqual(['body1', 'body2', 'head']);
      // Every word must be in the headline for it to count.
      await index.put('half', documentOf({ headline: 'Valley news', body: 'flooding' }));
      expect((await index.search('valley flooding', 10))[0]).toBe('head');
    });

    it('keeps at most `limit` hits and finds nothing for a query without words', async () => {
      for (let i = 0; i < 5; i++) await index.put(`s${i}`, documentOf({ body: `election day ${i}` }));
      expect(await index.search('election', 3)).toHaveLength(3);
      expect(await index.search('election', 10)).toHaveLength(5);
      expect(await index.search('', 10)).toEqual([]);
      expect(await index.search(' — ‘’ ** " : () ', 10)).toEqual([]);
    });

    it('replaces a story’s text on put, forgets it on remove, and keeps it for the next server', async () => {
      await index.put('x', documentOf({ headline: 'Old words', body: 'alpha' }));
      await index.put('x', documentOf({ headline: 'New words', body: 'beta' }));
      expect(await index.search('alpha', 10)).toEqual([]);
      expect(await index.search('beta', 10)).toEqual(['x']);
      expect(await index.indexedIds()).toEqual(['x']);
      const again = await harness.reopen();
      expect(await again.search('beta new', 10)).toEqual(['x']);
      expect((await again.documents(['x', 'missing'])).get('x')).toEqual(documentOf({ headline: 'New words', body: 'beta' }));
      await index.remove('x');
      await index.remove('never-indexed');
      expect(await index.search('beta', 10)).toEqual([]);
      expect(await index.indexedIds()).toEqual([]);
    });

    it('gives back each document as written, diacritics, punctuation and all', async () => {
      const text = documentOf({ headline: 'Pyŏngyang’s “talks” <b>&amp;</b>', body: 'Line one\nLine two', tags: ['Zürich', 'a b'] });
      await index.put('d', text);
      const found = await index.documents(['d']);
      expect([...found.keys()]).toEqual(['d']);
      expect(found.get('d')).toEqual(text);
      expect((await index.documents([])).size).toBe(0);
    });

    it('finds a word of any script by its prefix, as the folding splits words and nothing else', async () => {
      await index.put('rare', documentOf({ headline: 'Cursive ÒᦾꊾꝢ letters', body: 'ಆᦾꊾ and ʁᦾ' }));
      await index.put('plain', documentOf({ headline: 'Plain letters' }));
      expect(await index.search('òᦾꊾ', 10)).toEqual(['rare']);
      expect(await index.search('ಆᦾ ʁ', 10)).toEqual(['rare']);
      expect(await index.search('letters', 10)).toEqual(expect.arrayContaining(['rare', 'plain']));
    });

    it('answers any query, however hostile, with a list and no error', async () => {
      await index.put('a', documentOf({ headline: 'Ordinary story', body: 'with ordinary words' }));
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), async (query) => {
          const hits = await index.search(query, 5);
          expect(Array.isArray(hits)).toBe(true);
          expect(hits.every((id) => id === 'a')).toBe(true);
        }),
        { numRuns: 60 },
      );
      for (const query of ['"', "'", 'a" OR "b', "o':* | 'x", 'NEAR(a b)', 'headline:x', '*', 'AND', 'ordinary)', '\u0000ordinary', 'ÒᦾꊾꝢ', 'ಆᦾꊾ']) {
        expect(await index.search(query, 5)).toEqual(query.toLowerCase().includes('ordinary') ? ['a'] : expect.any(Array));
      }
    });
  });
}
