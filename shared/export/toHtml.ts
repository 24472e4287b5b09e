import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { exportedArticleNode } from '../article/exportedArticleNode.ts';
import { bylineOf } from '../article/byline.ts';
import { normalizeMeta } from '../article/normalizeMeta.ts';
import { READ_MORE_PREFIX } from '../editor/nodes/readMorePrefix.ts';
import { escapeHtml } from './escapeHtml.ts';
import { safeUrl } from './safeUrl.ts';

/** Options of the HTML export. */
export interface ToHtmlOptions {
  /** Language of the page (`<html lang>`). Default `en`. */
  lang?: string;
  /** Return only the `<article>` element instead of a complete page. */
  fragment?: boolean;
}

type BlockSerializer = (node: PMNode) => string;
type MarkSerializer = { open: (mark: Mark) => string; close: string };

// The page may show images from anywhere but run nothing, whatever slipped into the story.
const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' http: https:; style-src 'unsafe-inline'";

const MARKS: Record<string, MarkSerializer> = {
  bold: { open: () => '<strong>', close: '</strong>' },
  italic: { open: () => '<em>', close: '</em>' },
  link: {
    open: (mark) => {
      const href = safeUrl(mark.attrs.href);
      return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">` : '';
    },
    close: '',
  },
};

function markClose(mark: Mark): string {
  if (mark.type.name === 'link') return safeUrl(mark.attrs.href) ? '</a>' : '';
  return MARKS[mark.type.name]?.close ?? '';
}

/** Inline content with marks nested the way the schema ranks them, so shared marks are opened once. */
function inline(parent: PMNode): string {
  let out = '';
  const open: Mark[] = [];
  const closeFrom = (depth: number): void => {
    while (open.length > depth) out += markClose(open.pop() as Mark);
  };
  parent.forEach((child) => {
    const marks = child.marks;
    let keep = 0;
    while (keep < open.length && keep < marks.length && (open[keep] as Mark).eq(marks[keep] as Mark)) keep += 1;
    closeFrom(keep);
    for (const mark of marks.slice(keep)) {
      const serializer = MARKS[mark.type.name];
      if (!serializer) throw new RangeError(`No HTML serializer for mark "${mark.type.name}"`);
      out += serializer.open(mark);
      open.push(mark);
    }
    if (child.isText) out += escapeHtml(child.text);
    else out += block(child);
  });
  closeFrom(0);
  return out;
}

function children(node: PMNode): string {
  const parts: string[] = [];
  node.forEach((child) => parts.push(block(child)));
  return parts.join('\n');
}

const NODES: Record<string, BlockSerializer> = {
  doc: (node) => children(node),
  headline: (node) => `<h1>${inline(node)}</h1>`,
  standfirst: (node) => `<p class="standfirst">${inline(node)}</p>`,
  paragraph: (node) => `<p>${inline(node)}</p>`,
  heading: (node) => {
    const level = node.attrs.level === 3 ? 3 : 2;
    return `<h${level}>${inline(node)}</h${level}>`;
  },
  blockquote: (node) => `<blockquote>\n${children(node)}\n</blockquote>`,
  bulletList: (node) => `<ul>\n${children(node)}\n</ul>`,
  orderedList: (node) => {
    const start = Number(node.attrs.start);
    const startAttr = Number.isInteger(start) && start !== 1 ? ` start="${start}"` : '';
    return `<ol${startAttr}>\n${children(node)}\n</ol>`;
  },
  listItem: (node) => `<li>${children(node)}</li>`,
  horizontalRule: () => '<hr>',
  hardBreak: () => '<br>',
  figure: (node) => {
    const src = safeUrl(node.attrs.src);
    const image = src ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(node.attrs.alt ?? '')}">` : '';
    const caption = inline(node);
    const credit = String(node.attrs.credit ?? '').trim();
    const creditHtml = credit ? `<span class="credit">${escapeHtml(credit)}</span>` : '';
    const figcaption = caption || credit ? `<figcaption>${[caption, creditHtml].filter(Boolean).join(' ')}</figcaption>` : '';
    return `<figure>${image}${figcaption}</figure>`;
  },
  relatedLink: (node) => {
    const href = safeUrl(node.attrs.href);
    const text = `${escapeHtml(READ_MORE_PREFIX)}${inline(node)}`;
    const body = href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    return `<aside class="read-more">${body}</aside>`;
  },
};

function block(node: PMNode): string {
  const serializer = NODES[node.type.name];
  if (!serializer) throw new RangeError(`No HTML serializer for node "${node.type.name}"`);
  return serializer(node);
}

/** The HTML of body blocks alone, without header or page: the ninjs body and the published page use it. */
export function renderBlocks(nodes: readonly PMNode[]): string {
  return nodes.map(block).join('\n');
}

/** Every node and mark the HTML export knows; a test holds this equal to the schema. */
export const HTML_NODE_TYPES: readonly string[] = Object.keys(NODES);
export const HTML_MARK_TYPES: readonly string[] = Object.keys(MARKS);

/**
 * The story as semantic HTML5: an `<article>` with the `<h1>` headline, standfirst, byline, body,
 * figures (`<figure><img><figcaption>` with the credit) and READ MORE links, in a complete page
 * unless `options.fragment`. Every text and attribute is escaped; URLs other than http(s), mailto
 * and relative ones are dropped. Throws a RangeError when the document does not fit the schema.
 */
export function toHtml(article: ArticleJson, options: ToHtmlOptions = {}): string {
  const doc = exportedArticleNode(article?.doc);
  const meta = normalizeMeta(article.meta);
  const blocks: PMNode[] = [];
  doc.forEach((child) => blocks.push(child));
  const [headline, standfirst, ...body] = blocks as [PMNode, PMNode, ...PMNode[]];

  const byline = bylineOf(meta);
  const header = [
    block(headline),
    standfirst.content.size > 0 ? block(standfirst) : '',
    byline ? `<p class="byline">${escapeHtml(`By ${byline}`)}</p>` : '',
    meta.section.trim() ? `<p class="section">${escapeHtml(meta.section.trim())}</p>` : '',
  ].filter(Boolean);
  const tags = meta.tags.length
    ? `\n<footer>\n<ul class="tags">${meta.tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join('')}</ul>\n</footer>`
    : '';
  const articleHtml = `<article>\n<header>\n${header.join('\n')}\n</header>\n${body.map(block).join('\n')}${tags}\n</article>`;
  if (options.fragment) return articleHtml;

  const lang = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(options.lang ?? '') ? (options.lang as string) : 'en';
  const title = headline.textContent.trim() || 'Untitled story';
  const description = standfirst.textContent.trim();
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    description ? `<meta name="description" content="${escapeHtml(description)}">` : '',
    meta.tags.length ? `<meta name="keywords" content="${escapeHtml(meta.tags.join(', '))}">` : '',
    '</head>',
    '<body>',
    articleHtml,
    '</body>',
    '</html>',
  ]
    .filter(Boolean)
    .join('\n')
    .concat('\n');
}
