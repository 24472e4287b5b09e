import type { JSONContent } from '@tiptap/core';
import { inlinePlainText } from './inlineRun.ts';
import { captionLikeParagraphs, splitCredit } from './captionLike.ts';

/**
 * `blocks` with each caption-like paragraph that sits right under a figure without a caption moved
 * into that figure as its caption (a closing "Photo: …" becomes the credit when the figure has
 * none). Pages often put a picture's caption in a plain paragraph after a bare `<img>`.
 */
export function attachCaptions(blocks: JSONContent[]): JSONContent[] {
  const texts = blocks.map((block) => ({ type: block.type ?? '', text: inlinePlainText(block.content) }));
  const captions = new Set(captionLikeParagraphs(texts).filter((index) => blocks[index - 1]?.type === 'figure' && texts[index - 1]!.text.trim() === ''));
  const out: JSONContent[] = [];
  blocks.forEach((block, index) => {
    if (!captions.has(index)) {
      out.push(block);
      return;
    }
    const figure = out[out.length - 1]!;
    const { caption, credit } = splitCredit(texts[index]!.text);
    const keepCredit = typeof figure.attrs?.credit === 'string' && figure.attrs.credit !== '';
    out[out.length - 1] = {
      ...figure,
      attrs: { ...figure.attrs, credit: keepCredit ? figure.attrs!.credit : credit },
      // A credit split off leaves plain text; otherwise the paragraph's own inline content, marks and all.
      content: credit !== '' && !keepCredit ? (caption === '' ? [] : [{ type: 'text', text: caption }]) : (block.content ?? []),
    };
  });
  return out;
}
