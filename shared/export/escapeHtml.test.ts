import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('leaves other text alone and renders non-strings', () => {
    expect(escapeHtml('Pyongyang — 290 expatriates')).toBe('Pyongyang — 290 expatriates');
    expect(escapeHtml(3)).toBe('3');
    expect(escapeHtml(null)).toBe('');
  });
});
