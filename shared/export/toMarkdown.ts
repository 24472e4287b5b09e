import { bylineOf } from '../article/byline.ts';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { safeUrl } from './safeUrl.ts';
import { storyParts } from './storyParts.ts';

// Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones that
// can start emphasis, links, images, code, raw HTML, entities, tables or strikethrough anywhere.
// Parentheses are not among them: they mean something only right after a link text's `](`, and
// text never holds an unescaped `]`, so "(AP)" stays "(AP)". A `)` after a number at the start
// of a line (an ordered list marker) is escaped by the line rule below.
const INLINE_SPECIALS = /[\\`*_[\]<>!#|~&]/g;

/** Escapes text so that Markdown renders it literally: no emphasis, links, HTML or entities. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SPECIALS, (ch) => `\\${ch}`)
    .replace(/^([ \t]*)([-+=])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

// Percent-encoding keeps a destination in one piece whatever it holds (spaces, quotes, brackets).
function markdownUrl(url: string): string {
  return url.replace(/[\s"'<>()\\`]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function markdownTitle(title: string): string {
  return `"${title.replace(/[\\"]/g, (ch) => `\\${ch}`).replace(/\s+/g, ' ')}"`;
}

const MARK_ORDER = ['link', 'bold', 'italic'];

function openMark(mark: Mark): string {
  if (mark.type.name === 'link') return '[';
  return mark.type.name === 'bold' ? '**' : '*';
}

function closeMark(mark: Mark): string {
  if (mark.type.name === 'link') return `](${markdownUrl(String(mark.attrs.href))})`;
  return mark.type.name === 'bold' ? '**' : '*';
}

function renderedMarks(node: PMNode): Mark[] {
  return node.marks
    .filter((mark) => MARK_ORDER.includes(mark.type.name))
    .filter((mark) => mark.type.name !== 'link' || safeUrl(mark.attrs.href) !== null)
    .sort((a, b) => MARK_ORDER.indexOf(a.type.name) - MARK_ORDER.indexOf(b.type.name));
}

/** The inline content of a textblock as Markdown; unsafe links keep their text and lose the link. */
function inline(parent: PMNode): string {
  let out = '';
  let open: Mark[] = [];
  let pendingSpace = '';
  parent.forEach((child) => {
    const marks = renderedMarks(child);
    let keep = 0;
    while (keep < open.length && keep < marks.length && open[keep]!.eq(marks[keep]!)) keep += 1;
    for (let i = open.length - 1; i >= keep; i -= 1) out += closeMark(open[i]!);
    out += pendingSpace;
    pendingSpace = '';
    open = open.slice(0, keep);
    if (!child.isText) {
      // Emphasis may not end right before a break; a hard break ends every open mark.
      for (let i = open.length - 1; i >= 0; i -= 1) out += closeMark(open[i]!);
      open = [];
      if (child.type.name === 'hardBreak') out += '\\\n';
      return;
    }
    const text = child.text ?? '';
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
    // Delimiters next to whitespace do not open or close emphasis, so spaces go outside them.
    out += lead;
    if (core === '') {
      pendingSpace = trail;
      return;
    }
    for (const mark of marks.slice(keep)) out += openMark(mark);
    open = marks;
    out += escapeMarkdown(core);
    pendingSpace = trail;
  });
  for (let i = open.length - 1; i >= 0; i -= 1) out += closeMark(open[i]!);
  return (out + pendingSpace).trim();
}

type BlockWriter = (node: PMNode) => string;

function blocks(parent: PMNode): string {
  let out = '';
  parent.forEach((child) => {
    const text = block(child);
    if (text === '') return;
    // A list right under its item's paragraph stays tight; other blocks need a blank line between.
    if (out !== '') out += child.type.name === 'bulletList' || child.type.name === 'orderedList' ? '\n' : '\n\n';
    out += text;
  });
  return out;
}

function indentAfterFirst(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : indent + line))
    .join('\n');
}

function listItems(list: PMNode, marker: (index: number) => string): string {
  const items: string[] = [];
  list.forEach((item, _offset, index) => {
    const prefix = marker(index);
    items.push(prefix + indentAfterFirst(blocks(item), ' '.repeat(prefix.length)));
  });
  return items.join('\n');
}

function figure(node: PMNode): string {
  const src = safeUrl(node.attrs.src);
  const alt = escapeMarkdown(String(node.attrs.alt ?? ''));
  const credit = String(node.attrs.credit ?? '');
  const lines: string[] = [];
  if (src !== null) lines.push(`![${alt}](${markdownUrl(src)}${credit ? ` ${markdownTitle(credit)}` : ''})`);
  const caption = inline(node);
  const creditText = credit ? `_Credit: ${escapeMarkdown(credit)}_` : '';
  const captionLine = [caption, creditText].filter((text) => text !== '').join(' ');
  if (captionLine) lines.push(captionLine);
  return lines.join('\\\n');
}

function relatedLink(node: PMNode): string {
  const href = safeUrl(node.attrs.href);
  const label = escapeMarkdown(node.textContent.trim());
  return href === null ? `**READ MORE:** ${label}` : `**READ MORE:** [${label}](${markdownUrl(href)})`;
}

const WRITERS: Record<string, BlockWriter> = {
  paragraph: inline,
  heading: (node) => `${'#'.repeat(Math.min(Math.max(Number(node.attrs.level ?? 2), 2), 6))} ${inline(node)}`,
  blockquote: (node) =>
    blocks(node)
      .split('\n')
      .map((line) => (line === '' ? '>' : `> ${line}`))
      .join('\n'),
  bulletList: (node) => listItems(node, () => '- '),
  orderedList: (node) => {
    const start = Number(node.attrs.start ?? 1);
    return listItems(node, (index) => `${start + index}. `);
  },
  horizontalRule: () => '---',
  figure,
  relatedLink,
};

function block(node: PMNode): string {
  const writer = WRITERS[node.type.name];
  if (writer) return writer(node);
  return node.isTextblock ? inline(node) : blocks(node);
}

/**
 * The story as CommonMark: `# headline`, the standfirst in italics, the byline, then the body.
 * Figures become images (credit as title) followed by their caption and credit; READ MORE blocks
 * become links. Text is escaped so nothing in it turns into Markdown or HTML; only http(s), mailto
 * and relative URLs are written. Throws RangeError when the story does not fit the schema.
 */
export function toMarkdown(article: ArticleJson): string {
  const parts = storyParts(article);
  const sections = [`# ${escapeMarkdown(parts.headline.trim())}`];
  if (parts.standfirst.trim()) sections.push(`_${escapeMarkdown(parts.standfirst.trim())}_`);
  const byline = bylineOf(parts.meta);
  if (byline) sections.push(`By ${escapeMarkdown(byline)}`);
  for (const node of parts.body) {
    const text = block(node);
    if (text !== '') sections.push(text);
  }
  return `${sections.join('\n\n')}\n`;
}
