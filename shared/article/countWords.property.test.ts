import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from './countWords.ts';

/** The rule as written: split on whitespace, count the runs holding a letter or digit. */
function byDefinition(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

const pieces = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', 'a', 'Z', '7', '—', '-', '.', "'", 'é', 'ß', 'Ж', '日本', '١', '😀', '𝐀', '\ud800', '\udc00', '_', '#');

describe('countWords', () => {
  it('counts as the definition does, for any mix of letters, digits, marks, spaces and surrogates', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme' })), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(countWords(text)).toBe(byDefinition(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('counts a news sentence', () => {
    expect(countWords('Storm closes the harbour — 3 ships wait; 𝐀 “quoted” word.')).toBe(10);
    expect(countWords('')).toBe(0);
    expect(countWords('  — … ')).toBe(0);
  });
});
