import type { JSONContent } from '@tiptap/core';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { attachCaptions } from './attachCaptions.ts';
import { buildArticle } from './buildArticle.ts';
import { type DomElement, type DomNode, type HtmlParser, isElement, tagOf } from './HtmlParser.ts';
import { type HtmlFindings, htmlBlocks } from './htmlBlocks.ts';
import { inlinePlainText } from './inlineRun.ts';

function elements(root: DomNode, out: DomElement[] = []): DomElement[] {
  for (const child of Array.from(root.childNodes)) {
    if (!isElement(child)) continue;
    out.push(child);
    elements(child, out);
  }
  return out;
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

// What the page says about itself: its title, and the article metadata sites publish in meta tags.
// Looked for in the whole document: not every parser keeps them in <head>.
function readHead(root: DomElement, findings: HtmlFindings): void {
  for (const element of elements(root)) {
    const tag = tagOf(element);
    if (tag === 'title' && findings.title === undefined) findings.title = clean(element.textContent) || undefined;
    if (tag !== 'meta') continue;
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? '').toLowerCase();
    const content = clean(element.getAttribute('content'));
    if (content === '') continue;
    if (key === 'article:section' && findings.section === undefined) findings.section = content;
    if (key === 'article:tag') findings.tags.push(content);
    if (key === 'keywords') findings.tags.push(...content.split(',').map(clean));
    if ((key === 'author' || key === 'article:author') && findings.byline === undefined && !/^https?:/i.test(content)) {
      findings.byline = content;
    }
  }
}

function takeFirst(blocks: JSONContent[], test: (block: JSONContent) => boolean): JSONContent | undefined {
  const index = blocks.findIndex(test);
  return index === -1 ? undefined : blocks.splice(index, 1)[0];
}

const isHeading = (level?: number) => (block: JSONContent) =>
  block.type === 'heading' && (level === undefined || block.attrs?.level === level);

/**
 * A story from HTML: a whole page or a pasted fragment (Word, Google Docs, another site). Parsed
 * with `parser`, never run. The first `<h1>` is the headline (else the page title, else the first
 * heading or paragraph); an element classed `standfirst` (or dek, summary, ...) is the standfirst;
 * a byline element or author meta tag is the byline; `article:section` and `article:tag` /
 * `keywords` meta tags give section and tags. The body keeps paragraphs, headings (level 2 and 3),
 * lists, quotes, rules, bold and italic, links with http(s), mailto or relative URLs, figures with
 * their caption and credit (a caption-like paragraph right under a bare image becomes its caption,
 * see attachCaptions), and "READ MORE:" paragraphs as READ MORE blocks. Scripts, styles,
 * frames, forms, event attributes, hidden elements and unsafe URLs are dropped.
 */
export function fromHtml(html: string, parser: HtmlParser): ArticleJson {
  const document = parser.parseFromString(html, 'text/html');
  const root = document.documentElement;
  const findings: HtmlFindings = { tags: [] };
  if (root) readHead(root, findings);
  const blocks = root ? htmlBlocks([root], findings) : [];

  const headlineBlock =
    takeFirst(blocks, isHeading(1)) ??
    (findings.title ? undefined : (takeFirst(blocks, isHeading()) ?? takeFirst(blocks, (block) => block.type === 'paragraph')));
  const headline = headlineBlock ? inlinePlainText(headlineBlock.content) : (findings.title ?? '');
  for (const block of blocks) {
    if (isHeading(1)(block)) block.attrs = { ...block.attrs, level: 2 };
  }
  return buildArticle({
    headline,
    standfirst: findings.standfirst ?? '',
    byline: findings.byline,
    section: findings.section,
    tags: findings.tags,
    body: attachCaptions(blocks),
  });
}
