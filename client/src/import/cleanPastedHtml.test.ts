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

  it('drops the bullets Word types before each list paragraph, keeping typed numbers for the importer', () => {
    // Word 365 for Windows, as Chromium hands it over (lines wrapped inside tags as Word wraps them).
    const bullet = `<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=EN-US>First bullet<o:p></o:p></span></p>`;
    expect(cleanPastedHtml(bullet)).toBe(
      `<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span lang=EN-US>First bullet<o:p></o:p></span></p>`,
    );
    // Outlook's and older Word's forms: the conditional as a comment, or a marker span with no conditional around it.
    expect(cleanPastedHtml(`<p class=MsoListParagraph><!--[if !supportLists]--><span style='font-family:"Courier New"'>o<span>&nbsp; </span></span><!--[endif]-->Second</p>`)).toBe(
      '<p class=MsoListParagraph>Second</p>',
    );
    expect(cleanPastedHtml(`<p class=MsoListParagraph><span style="mso-list: Ignore">§<span>&nbsp;</span></span>Third</p>`)).toBe(
      '<p class=MsoListParagraph>Third</p>',
    );
    const numbered = `<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span><![endif]>Step</p>`;
    expect(cleanPastedHtml(numbered)).toBe(numbered);
  });

  it('leaves text, escaped markup, comments and Word conditionals alone', () => {
    const html = '<p>Set onload=true &lt;b onclick=x&gt; in a &lt;style&gt; sheet</p><!--[if gte mso 9]><xml></xml><![endif]--><![if !supportLists]>1.<![endif]>';
    expect(cleanPastedHtml(html)).toBe(html);
  });
});
