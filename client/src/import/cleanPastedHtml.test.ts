import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './cleanPastedHtml.ts';

describe('cleanPastedHtml', () => {
  it('drops event-handler attributes, quoted, unquoted or bare, in any case', () => {
    expect(cleanPastedHtml('<p class=MsoNormal onclick="alert(1)">x</p>')).toBe('<p class=MsoNormal>x</p>');
    expect(cleanPastedHtml(`<img src="https://images.example/a.png" alt="Boats" onerror='alert(2)' ONLOAD=go()>`)).toBe(
      '<img src="https://images.example/a.png" alt="Boats">',
    );
    expect(cleanPastedHtml('<div onmouseover>x</div><br onfocus=x />')).toBe('<div>x</div><br />');
  });

  it('drops style elements, Word’s style definitions among them', () => {
    const word = '<head><style>\n<!--\n /* Style Definitions */\n p.MsoNormal {margin:0cm;}\n-->\n</style><STYLE type="text/css">b{}</STYLE ></head><body><p>Text</p></body>';
    expect(cleanPastedHtml(word)).toBe('<head></head><body><p>Text</p></body>');
  });

  it('keeps every other attribute, style attributes and values that hold > or the word onclick included', () => {
    const html = '<a href="https://x.example/?a=1&b=2" title="a > b onclick=x" style="font-weight:700" data-one="1">link</a>';
    expect(cleanPastedHtml(html)).toBe(html);
    expect(cleanPastedHtml('<img alt="1 > 0" onerror="x()" src=a.png>')).toBe('<img alt="1 > 0" src=a.png>');
  });

  it('leaves text, escaped markup, comments and Word conditionals alone', () => {
    const html = '<p>Set onload=true &lt;b onclick=x&gt; in a &lt;style&gt; sheet</p><!--[if gte mso 9]><xml></xml><![endif]--><![if !supportLists]>·<![endif]>';
    expect(cleanPastedHtml(html)).toBe(html);
  });
});
