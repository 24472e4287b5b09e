import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { escapeMarkdown, toMarkdown } from './toMarkdown.ts';

/** What CommonMark makes of backslash escapes: a backslash before ASCII punctuation is dropped. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const markdownish = fc.string({ unit: fc.constantFrom(...'ab 1()[]*_`<>!#|~&\\-+=.\n'.split('')), maxLength: 40 });

describe('escapeMarkdown keeps the meaning of text', () => {
  it('reads back as the same text once CommonMark drops its backslash escapes', () => {
    fc.assert(fc.property(fc.oneof(markdownish, fc.string()), (text) => {
      expect(unescape(escapeMarkdown(text))).toBe(text);
    }));
  });

  it('leaves no character unescaped that could open a link, emphasis, code or HTML', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        // Drop escaped pairs; what is left must be free of inline specials.
        const bare = escapeMarkdown(text).replace(/\\[\s\S]/g, '');
        expect(bare).not.toMatch(/[[\]*_`<>!#|~&\\]/);
      }),
    );
  });

  it('escapes parentheses nowhere in running text: "(AP)", "f(x)" and ":)" stay as typed', () => {
    expect(escapeMarkdown('Reuters (AP) said f(x) = 2 :)')).toBe('Reuters (AP) said f(x) = 2 :)');
    const noListMarker = markdownish.filter((text) => !/^[ \t]*\d+[.)]/m.test(text));
    fc.assert(
      fc.property(noListMarker, (text) => {
        // An escaped backslash before a parenthesis is the text's own backslash, not an escape of it.
        expect(escapeMarkdown(text).replace(/\\\\/g, '').match(/\\[()]/g) ?? []).toEqual([]);
      }),
    );
  });

  it('still escapes a ")" that would make a line an ordered list item, and a "[..](..)" cannot form a link', () => {
    expect(escapeMarkdown('1) first')).toBe('1\\) first');
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
  });

  it('writes the fixture story without escaped parentheses', () => {
    const article = fixtureArticleJson();
    article.doc.content!.push({ type: 'paragraph', content: [{ type: 'text', text: 'The ministry (in Moscow) spoke.' }] });
    const md = toMarkdown(article);
    expect(md).toContain('The ministry (in Moscow) spoke.');
    expect(md).not.toMatch(/\\[()]/);
  });
});
