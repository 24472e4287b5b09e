import type { JSONContent } from '@tiptap/core';

/**
 * The plain text of a ProseMirror JSON node: text nodes concatenated, a hard break as a newline,
 * child blocks separated by newlines. Attributes (image credits, link targets) are not text.
 */
export function textOf(node: JSONContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'hardBreak') return '\n';
  const children = Array.isArray(node.content) ? node.content : [];
  const inline = children.every((child) => child.type === 'text' || child.type === 'hardBreak');
  return children.map(textOf).join(inline ? '' : '\n');
}
