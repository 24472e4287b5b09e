import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorsOf, bylineOf, formatByline, normalizeAuthors, parseByline, resolveAuthors } from './byline.ts';

const names = (text: string) => parseByline(text).map((author) => author.name);

describe('parseByline', () => {
  it('splits "A and B", "A, B and C", the Oxford comma, "&" and a leading "By"', () => {
    expect(names('Rita Porter and Ed Itor')).toEqual(['Rita Porter', 'Ed Itor']);
    expect(names('Ana, Bo and Cy')).toEqual(['Ana', 'Bo', 'Cy']);
    expect(names('Ana, Bo, and Cy')).toEqual(['Ana', 'Bo', 'Cy']);
    expect(names('Ana & Bo')).toEqual(['Ana', 'Bo']);
    expect(names('  By  Rita Porter AND Ed Itor ')).toEqual(['Rita Porter', 'Ed Itor']);
  });

  it('keeps one name whole, names with "and" inside a word too, and reads an empty byline as nobody', () => {
    expect(names('Seoul bureau')).toEqual(['Seoul bureau']);
    expect(names('Alexander Sandberg')).toEqual(['Alexander Sandberg']);
    expect(parseByline('   ')).toEqual([]);
    expect(parseByline('By ')).toEqual([]);
  });

  it('gives free-text authors only', () => {
    expect(parseByline('Rita Porter and Ed Itor').every((author) => author.username === undefined)).toBe(true);
  });
});

describe('formatByline', () => {
  it('joins one, two and three names the way a desk writes them', () => {
    expect(formatByline([])).toBe('');
    expect(formatByline([{ name: 'Ana' }])).toBe('Ana');
    expect(formatByline([{ name: 'Rita Porter', username: 'rita' }, { name: 'Ed Itor' }])).toBe('Rita Porter and Ed Itor');
    expect(formatByline([{ name: 'Ana' }, { name: 'Bo' }, { name: 'Cy' }])).toBe('Ana, Bo and Cy');
  });

  it('round-trips through parseByline for names without separators', () => {
    const name = fc
      .array(fc.constantFrom('Ana', 'Bo', 'Li', 'Ngũyen', "O'Neil", 'Østby', 'bureau', 'Jr.'), { minLength: 1, maxLength: 3 })
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), (list) => {
        expect(names(formatByline(list.map((n) => ({ name: n }))))).toEqual(list);
      }),
    );
  });
});

describe('normalizeAuthors', () => {
  it('drops malformed entries and duplicates, trims names, names an account by its username when empty', () => {
    expect(
      normalizeAuthors([
        null,
        'Ana',
        { name: 7 },
        { name: '  Rita   Porter ', username: 'rita' },
        { name: 'Rita P.', username: 'RITA' },
        { name: 'Ed Itor' },
        { name: 'ed itor' },
        { name: '', username: 'bo' },
      ]),
    ).toEqual([{ name: 'Rita Porter', username: 'rita' }, { name: 'Ed Itor' }, { name: 'bo', username: 'bo' }]);
  });

  it('never gives more than 20 authors or a name longer than 120 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ maxLength: 200 }), username: fc.option(fc.string(), { nil: undefined }) })), (raw) => {
        const result = normalizeAuthors(raw);
        expect(result.length).toBeLessThanOrEqual(20);
        for (const author of result) {
          expect(author.name.length).toBeGreaterThan(0);
          expect(author.name.length).toBeLessThanOrEqual(120);
        }
      }),
    );
  });
});

describe('authorsOf, bylineOf and resolveAuthors', () => {
  it('reads the structured list when there is one, else parses the old plain byline', () => {
    expect(authorsOf({ byline: 'Rita Porter and Ed Itor' })).toEqual([{ name: 'Rita Porter' }, { name: 'Ed Itor' }]);
    expect(authorsOf({ byline: 'stale text', authors: [{ name: 'Ana', username: 'ana' }] })).toEqual([{ name: 'Ana', username: 'ana' }]);
    expect(authorsOf({ byline: 'stale text', authors: [] })).toEqual([]);
    expect(bylineOf({ byline: 'By Rita Porter and Ed Itor' })).toBe('Rita Porter and Ed Itor');
  });

  it('takes account names from the directory and leaves free text and unknown accounts alone', () => {
    const resolved = resolveAuthors(
      [{ name: 'Rita', username: 'Rita' }, { name: 'Ed Itor' }, { name: 'Gone Person', username: 'gone' }],
      new Map([['rita', 'Rita Porter']]),
    );
    expect(resolved).toEqual([{ name: 'Rita Porter', username: 'Rita' }, { name: 'Ed Itor' }, { name: 'Gone Person', username: 'gone' }]);
  });
});
