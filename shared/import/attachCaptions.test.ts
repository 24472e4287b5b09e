import { Node as PMNode } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { textOf } from '../article/textOf.ts';
import { articleSchema } from '../editor/schema.ts';
import { fromHtml } from './fromHtml.ts';
import type { HtmlParser } from './HtmlParser.ts';

const parser: HtmlParser = new new Window().DOMParser();

function bodyOf(html: string) {
  const article = fromHtml(html, parser);
  expect(() => PMNode.fromJSON(articleSchema, article.doc).check()).not.toThrow();
  return (article.doc.content ?? []).slice(2);
}

describe('captions under a bare image, on HTML import', () => {
  it('turn a caption-like paragraph right under an image into its caption, with the credit it ends with', () => {
    const body = bodyOf(`<h1>Harbour reopens</h1>
      <p>The harbour reopened on Monday after two years of repairs to the quay and the lock gates.</p>
      <img src="https://images.example/quay.jpg" alt="The quay">
      <p>Boats return to the old quay. Photo: Ann Lee</p>
      <p>Fishermen said the new berths were worth the wait, and the council promised more moorings.</p>
      <img src="https://images.example/crowd.jpg" alt="Crowds"><p>These <b>residents</b> waited since dawn for the first boat.</p>`);
    expect(body.map((block) => block.type)).toEqual(['paragraph', 'figure', 'paragraph', 'figure']);
    expect(body[3]?.content).toEqual([
      { type: 'text', text: 'These ' },
      { type: 'text', text: 'residents', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' waited since dawn for the first boat.' },
    ]);
    expect(body[1]).toMatchObject({ attrs: { src: 'https://images.example/quay.jpg', alt: 'The quay', credit: 'Ann Lee' } });
    expect(textOf(body[1])).toBe('Boats return to the old quay.');
  });

  it('leave a lede under a lead image, a short line with no sign of a caption, and a captioned figure alone', () => {
    const lede = 'The harbour reopened on Monday after two years of repairs to the quay, the lock gates and the old fish market.';
    const body = bodyOf(`<h1>Harbour reopens</h1><img src="https://images.example/a.jpg" alt="A"><p>${lede}</p>
      <figure><img src="https://images.example/b.jpg" alt="B"><figcaption>Already captioned.</figcaption></figure><p>Boats return to the quay.</p>`);
    expect(body.map((block) => block.type)).toEqual(['figure', 'paragraph', 'figure', 'paragraph']);
    expect(textOf(body[0])).toBe('');
    expect(textOf(body[1])).toBe(lede);
    expect(textOf(body[2])).toBe('Already captioned.');
  });
});
