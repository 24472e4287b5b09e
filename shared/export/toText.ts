import { bylineOf } from '../article/byline.ts';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { summarize } from '../article/summarize.ts';
import { wordCountLabel } from '../article/storyWordCount.ts';
import { inlineText, storyParts } from './storyParts.ts';

type BlockWriter = (node: PMNode, indent: string) => string[];

function textLines(node: PMNode, indent: string): string[] {
  return inlineText(node, '\n')
    .split('\n')
    .map((line) => indent + line);
}

function blocks(parent: PMNode, indent: string): string[] {
  const out: string[] = [];
  parent.forEach((child) => {
    if (out.length > 0) out.push('');
    out.push(...block(child, indent));
  });
  return out;
}

function listItems(list: PMNode, indent: string, marker: (index: number) => string): string[] {
  const out: string[] = [];
  list.forEach((item, _offset, index) => {
    const prefix = marker(index);
    const inner = blocks(item, indent + ' '.repeat(prefix.length)).filter((line) => line.trim() !== '');
    const first = inner[0] ?? '';
    out.push(indent + prefix + first.slice(indent.length + prefix.length), ...inner.slice(1));
  });
  return out;
}

const WRITERS: Record<string, BlockWriter> = {
  paragraph: textLines,
  heading: textLines,
  blockquote: (node, indent) => blocks(node, `${indent}    `),
  bulletList: (node, indent) => listItems(node, indent, () => '- '),
  orderedList: (node, indent) => {
    const start = Number(node.attrs.start ?? 1);
    return listItems(node, indent, (index) => `${start + index}. `);
  },
  listItem: (node, indent) => blocks(node, indent),
  horizontalRule: (_node, indent) => [`${indent}* * *`],
  figure: (node, indent) => {
    const alt = String(node.attrs.alt ?? '');
    const credit = String(node.attrs.credit ?? '');
    const caption = inlineText(node, ' ');
    const parts = [alt ? `[Image: ${alt}]` : '[Image]'];
    if (caption) parts.push(caption);
    if (credit) parts.push(`(Credit: ${credit})`);
    return [indent + parts.join(' ')];
  },
  relatedLink: (node, indent) => {
    const href = String(node.attrs.href ?? '');
    return [`${indent}READ MORE: ${inlineText(node, ' ')}${href ? ` <${href}>` : ''}`];
  },
};

function block(node: PMNode, indent: string): string[] {
  const writer = WRITERS[node.type.name];
  if (writer) return writer(node, indent);
  return node.isTextblock ? textLines(node, indent) : blocks(node, indent);
}

/**
 * The story as plain text: headline, standfirst, body blocks separated by blank lines, figures as
 * `[Image: alt] caption (Credit: credit)`, READ MORE lines, the byline under the standfirst, and a last line with the word count
 * ("Body: 224 words", the story's one word count: storyWordCount). Throws RangeError when the story does not fit the schema.
 */
export function toText(article: ArticleJson): string {
  const parts = storyParts(article);
  const sections = [parts.headline];
  if (parts.standfirst) sections.push(parts.standfirst);
  const byline = bylineOf(parts.meta);
  if (byline) sections.push(`By ${byline}`);
  for (const node of parts.body) sections.push(block(node, '').join('\n'));
  const { wordCount } = summarize(article);
  sections.push(wordCountLabel(wordCount));
  return `${sections.join('\n\n')}\n`;
}
