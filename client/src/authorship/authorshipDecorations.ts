import type { Node as PMNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { StoryAuthor, StoryAuthorship } from '../../../shared/authorship.ts';

/** Attributes of one coloured run: the author's colour, faint behind the text and solid beneath it; the name on hover. */
function runAttributes(author: StoryAuthor): Record<string, string> {
  return {
    class: 'authorship-run',
    style: `background-color: ${author.color}26; box-shadow: inset 0 -2px 0 ${author.color}`,
    title: author.label,
    'data-author': author.id,
  };
}

/**
 * Decorations colouring each span of `view` in `doc`: top-level block i of the answer is the
 * document's child i, and a block's spans follow its text nodes in order. A block whose text is
 * no longer the answer's (typed since it was asked for) is left plain until the next answer.
 */
export function authorshipDecorations(doc: PMNode, view: StoryAuthorship): DecorationSet {
  const authors = new Map(view.authors.map((author) => [author.id, author]));
  const decorations: Decoration[] = [];
  doc.forEach((block, offset, index) => {
    const answer = view.blocks[index];
    if (!answer || answer.spans.map((span) => span.text).join('') !== block.textContent) return;
    const texts: Array<{ pos: number; length: number }> = [];
    block.descendants((node, pos) => {
      if (node.isText) texts.push({ pos: offset + 1 + pos, length: node.text?.length ?? 0 });
      return true;
    });
    let textIndex = 0;
    let used = 0;
    for (const span of answer.spans) {
      const author = authors.get(span.author);
      let left = span.text.length;
      while (left > 0 && textIndex < texts.length) {
        const text = texts[textIndex]!;
        const take = Math.min(left, text.length - used);
        if (author && take > 0) decorations.push(Decoration.inline(text.pos + used, text.pos + used + take, runAttributes(author)));
        used += take;
        left -= take;
        if (used === text.length) {
          textIndex += 1;
          used = 0;
        }
      }
    }
  });
  return DecorationSet.create(doc, decorations);
}
