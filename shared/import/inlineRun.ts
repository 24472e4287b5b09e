import type { JSONContent } from '@tiptap/core';

/** A mark as ProseMirror JSON: `{ type: 'bold' }`, `{ type: 'link', attrs: { href } }`. */
export interface MarkJson {
  type: string;
  attrs?: Record<string, unknown>;
}

/** Marks with `mark` added; a mark of the same type is replaced (the inner link wins). */
export function withMark(marks: MarkJson[], mark: MarkJson): MarkJson[] {
  return [...marks.filter((existing) => existing.type !== mark.type), mark];
}

function sameMarks(a: MarkJson[] | undefined, b: MarkJson[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** A text node as JSON, or nothing for an empty string (ProseMirror refuses empty text nodes). */
export function textNode(text: string, marks: MarkJson[]): JSONContent[] {
  if (text === '') return [];
  return marks.length > 0 ? [{ type: 'text', text, marks: [...marks] }] : [{ type: 'text', text }];
}

/**
 * Inline content the way a browser would show it: whitespace collapsed across nodes, trimmed at
 * the edges and around hard breaks, adjacent text with the same marks merged. Empty when nothing
 * visible is left.
 */
export function normalizeInline(nodes: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  let spaceBefore = true;
  for (const node of nodes) {
    if (node.type !== 'text') {
      const last = out[out.length - 1];
      if (last?.type === 'text' && last.text) last.text = last.text.replace(/ +$/, '');
      if (last?.type === 'text' && last.text === '') out.pop();
      out.push(node);
      spaceBefore = true;
      continue;
    }
    let text = (node.text ?? '').replace(/[ \t\n\r\f\u00a0]+/g, ' ');
    if (spaceBefore) text = text.replace(/^ /, '');
    if (text === '') continue;
    spaceBefore = text.endsWith(' ');
    const last = out[out.length - 1];
    if (last?.type === 'text' && sameMarks(last.marks as MarkJson[], node.marks as MarkJson[])) {
      last.text = (last.text ?? '') + text;
    } else {
      out.push({ ...node, text });
    }
  }
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    if (last.type === 'text') {
      last.text = (last.text ?? '').replace(/ +$/, '');
      if (last.text !== '') break;
    }
    out.pop();
  }
  while (out.length > 0 && out[0]!.type !== 'text') out.shift();
  return out.some((node) => node.type === 'text') ? out : [];
}

/** Plain text of inline JSON content; hard breaks read as spaces. */
export function inlinePlainText(nodes: JSONContent[] | undefined): string {
  return (nodes ?? [])
    .map((node) => (node.type === 'text' ? (node.text ?? '') : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
