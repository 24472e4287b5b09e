import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { cleanText, findUnsafeCharacter, unsafeTextMessage } from './cleanText.ts';
import { noUnsafeCharacters } from './noUnsafeCharacters.ts';

const LONE_HIGH = '\ud83d';
const LONE_LOW = '\ude00';

describe('the text rule', () => {
  it('finds C0 and C1 controls, DEL, NUL, bidi overrides and isolates, and lone surrogates', () => {
    for (const char of ['\u0000', '\u0001', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', LONE_HIGH, LONE_LOW]) {
      expect(findUnsafeCharacter(`ab${char}cd`, 'text'), JSON.stringify(char)).toMatchObject({ index: 2, codePoint: char.charCodeAt(0) });
    }
  });

  it('keeps letters of every script, emoji (surrogate pairs, joiners), marks and the bidi marks that override nothing', () => {
    for (const text of ['Ferry strike', 'Grève à Orléans', 'مرحبا بالعالم', '東京', '👩‍👩‍👧 family', 'e\u0301', 'a\u200eb\u200fc', 'x\u00a0y', 'tag-1_2.3', '\ud83d\ude00']) {
      expect(findUnsafeCharacter(text, 'line'), text).toBeNull();
      expect(cleanText(text, 'line')).toBe(text);
    }
  });

  it('refuses tab and line breaks in one-line fields only', () => {
    for (const char of ['\t', '\n', '\r']) {
      expect(findUnsafeCharacter(`a${char}b`, 'line')).toMatchObject({ index: 1 });
      expect(findUnsafeCharacter(`a${char}b`, 'text')).toBeNull();
    }
  });

  it('strips what it refuses; tabs and line breaks in a one-line field become spaces', () => {
    expect(cleanText('evil\u202egnp.exe')).toBe('evilgnp.exe');
    expect(cleanText('a\u0000b\u0085c\u2066d\u2069')).toBe('abcd');
    expect(cleanText(`x${LONE_HIGH}y${LONE_LOW}z`)).toBe('xyz');
    expect(cleanText('one\ttwo\nthree\r\nfour')).toBe('one two three  four');
    expect(cleanText('one\ttwo\nthree\u0000', 'text')).toBe('one\ttwo\nthree');
    expect(cleanText('😀')).toBe('😀');
  });

  it('leaves nothing it would refuse, whatever the input', () => {
    const samples = ['\ud800\ud800\udc00', '\udc00\ud800', '\u202e\u202e', '\u0000'.repeat(5), 'a\ud83d'];
    for (const sample of samples) {
      expect(findUnsafeCharacter(cleanText(sample, 'line'), 'line')).toBeNull();
      expect(findUnsafeCharacter(cleanText(sample, 'text'), 'text')).toBeNull();
    }
    expect(cleanText('\ud800\ud800\udc00')).toBe('\ud800\udc00');
    const anyCodeUnits = fc.string({ unit: fc.nat(0xffff).map((unit) => String.fromCharCode(unit)), maxLength: 40 });
    fc.assert(
      fc.property(anyCodeUnits, fc.constantFrom('line' as const, 'text' as const), (text, kind) => {
        const cleaned = cleanText(text, kind);
        return findUnsafeCharacter(cleaned, kind) === null && cleanText(cleaned, kind) === cleaned;
      }),
      { numRuns: 2000 },
    );
  });

  it('names the character and its position, counting from 1', () => {
    expect(unsafeTextMessage('abc\u202edef')).toBe(
      'contains U+202E (right-to-left override) at position 4: control and bidi-override characters are not allowed',
    );
    expect(unsafeTextMessage('\u0000')).toMatch(/^contains U\+0000 \(NUL\) at position 1/);
    expect(unsafeTextMessage('a\u0002')).toMatch(/U\+0002 \(a control character\)/);
    expect(unsafeTextMessage(`a${LONE_LOW}`)).toMatch(/U\+DE00 \(a lone surrogate\)/);
    expect(unsafeTextMessage('fine')).toBeNull();
  });

  it('refuses through zod with the same message', () => {
    const schema = z.string().superRefine(noUnsafeCharacters('line'));
    expect(schema.safeParse('Ferry strike').success).toBe(true);
    const refused = schema.safeParse('Ferry\u2067 strike');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/U\+2067 \(right-to-left isolate\) at position 6/);
  });
});
