import type { JSONContent } from '@tiptap/core';
import { safeUrl } from '../export/safeUrl.ts';
import { CDATA_SECTION_NODE, classesOf, type DomElement, type DomNode, isElement, tagOf, TEXT_NODE } from './HtmlParser.ts';
import { inlinePlainText, type MarkJson, normalizeInline, textNode, withMark } from './inlineRun.ts';
import { parseReadMoreLine } from './readMoreLine.ts';

/** Story parts the walk finds outside the body: page title, standfirst, byline, section, tags. */
export interface HtmlFindings {
  title?: string;
  standfirst?: string;
  byline?: string;
  section?: string;
  tags: string[];
}

// Never content, or active content: dropped with everything inside.
const DROPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'template',
  'svg', 'math', 'canvas', 'audio', 'video', 'track', 'source', 'form', 'input', 'button', 'select',
  'option', 'optgroup', 'textarea', 'title', 'meta', 'link', 'base', 'nav', 'footer', 'dialog', 'map',
  'area', 'param', 'slot', 'portal', 'xml', 'head',
]);

// Containers whose content starts and ends a paragraph. Anything unknown is treated as inline.
const BLOCKS = new Set([
  'html', 'body', 'p', 'div', 'section', 'article', 'main', 'header', 'aside', 'address', 'center',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'dl', 'dt', 'dd', 'details', 'summary',
  'figcaption', 'fieldset', 'legend', 'hgroup', 'li', 'pre', 'picture',
]);

const STANDFIRST_CLASS = /^(standfirst|dek|deck|subtitle|sub-?headline|summary|lede|lead|intro|excerpt|article-summary)$/i;
const BYLINE_CLASS = /^(byline|author|article-author|byline-name)$/i;
const CREDIT_CLASS = /credit|copyright/i;
const CAPTION_CREDIT = /\s*[([]?\s*(?:photo(?:graph)?|picture|image|credit)s?(?:\s+(?:by|credit))?\s*:\s*([^)\]]+?)\s*[)\]]?\s*$/i;

// Quotes, brackets and spaces in a URL are legal input but a trap for every later writer: encode them.
function importUrl(raw: string | null): string | null {
  const url = safeUrl(raw);
  return url === null ? null : url.replace(/["'<>\s`]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function styleOf(element: DomElement): string {
  return (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

function isHidden(element: DomElement): boolean {
  const style = styleOf(element);
  return (
    element.getAttribute('hidden') !== null ||
    element.getAttribute('aria-hidden') === 'true' ||
    style.includes('display:none') ||
    style.includes('visibility:hidden') ||
    // Word's list bullets and numbers, which the list itself supplies.
    style.includes('mso-list:ignore')
  );
}

/** The value of one CSS property in a normalized style attribute; `mso-bidi-font-weight` is not `font-weight`. */
function cssValue(style: string, property: string): string | undefined {
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0 && declaration.slice(0, colon) === property) return declaration.slice(colon + 1).replace(/!important$/, '');
  }
  return undefined;
}

function marksFor(element: DomElement, tag: string, marks: MarkJson[]): MarkJson[] {
  const style = styleOf(element);
  let out = marks;
  // Google Docs wraps a whole paste in <b style="font-weight:normal">.
  const weight = cssValue(style, 'font-weight');
  const boldByStyle = weight === 'bold' || weight === 'bolder' || (weight !== undefined && Number(weight) >= 600);
  const notBold = weight === 'normal' || (weight !== undefined && Number(weight) > 0 && Number(weight) < 600);
  if (((tag === 'b' || tag === 'strong') && !notBold) || boldByStyle) out = withMark(out, { type: 'bold' });
  const fontStyle = cssValue(style, 'font-style');
  if (((tag === 'i' || tag === 'em') && fontStyle !== 'normal') || fontStyle === 'italic' || fontStyle === 'oblique') {
    out = withMark(out, { type: 'italic' });
  }
  if (tag === 'a') {
    const href = importUrl(element.getAttribute('href'));
    out = href === null ? out.filter((mark) => mark.type !== 'link') : withMark(out, { type: 'link', attrs: { href } });
  }
  return out;
}

/** Blocks being assembled: inline content accumulates into an implicit paragraph until a block starts. */
class BlockCollector {
  readonly blocks: JSONContent[] = [];
  private inline: JSONContent[] = [];

  addInline(...nodes: JSONContent[]): void {
    this.inline.push(...nodes);
  }

  addBlock(block: JSONContent): void {
    this.flush();
    this.blocks.push(block);
  }

  flush(): void {
    const content = normalizeInline(this.inline);
    this.inline = [];
    if (content.length === 0) return;
    const text = inlinePlainText(content);
    const readMore = parseReadMoreLine(text);
    if (readMore) {
      const linked = content.flatMap((node) => (node.marks as MarkJson[] | undefined) ?? []).find((mark) => mark.type === 'link');
      const href = readMore.href || String(linked?.attrs?.href ?? '');
      this.blocks.push({ type: 'relatedLink', attrs: { href }, content: textNode(readMore.label, []) });
      return;
    }
    this.blocks.push({ type: 'paragraph', content });
  }

  finish(): JSONContent[] {
    this.flush();
    return this.blocks;
  }
}

/** Walks HTML into article blocks, keeping only what the article schema can hold. */
class HtmlWalker {
  private readonly skipped = new Set<DomNode>();

  constructor(readonly findings: HtmlFindings) {}

  collect(element: DomNode, marks: MarkJson[]): JSONContent[] {
    return this.collectNodes(Array.from(element.childNodes), marks);
  }

  collectNodes(nodes: DomNode[], marks: MarkJson[]): JSONContent[] {
    const out = new BlockCollector();
    this.children(nodes, out, marks, false);
    return out.finish();
  }

  children(nodes: DomNode[], out: BlockCollector, marks: MarkJson[], pre: boolean): void {
    for (let i = 0; i < nodes.length; i += 1) {
      const node = nodes[i]!;
      if (isElement(node) && /MsoListParagraph/.test(node.getAttribute('class') ?? '')) {
        const group: DomElement[] = [];
        let j = i;
        for (; j < nodes.length; j += 1) {
          const sibling = nodes[j]!;
          if (isElement(sibling) && /MsoListParagraph/.test(sibling.getAttribute('class') ?? '')) group.push(sibling);
          else if (!(sibling.nodeType === TEXT_NODE && (sibling.textContent ?? '').trim() === '')) break;
        }
        out.addBlock(this.wordList(group, marks));
        i = j - 1;
        continue;
      }
      this.node(node, out, marks, pre);
    }
  }

  node(node: DomNode, out: BlockCollector, marks: MarkJson[], pre: boolean): void {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      const text = node.textContent ?? '';
      if (!pre) {
        out.addInline(...textNode(text, marks));
        return;
      }
      text.split('\n').forEach((line, index) => {
        if (index > 0) out.addInline({ type: 'hardBreak' });
        out.addInline(...textNode(line, marks));
      });
      return;
    }
    if (!isElement(node) || this.skipped.has(node)) return;
    const tag = tagOf(node);
    if (DROPPED.has(tag) || isHidden(node)) return;
    if (this.takeFinding(node)) return;
    switch (tag) {
      case 'br':
        out.addInline({ type: 'hardBreak' });
        return;
      case 'hr':
        out.addBlock({ type: 'horizontalRule' });
        return;
      case 'img': {
        const figure = this.figureFromImage(node, '', []);
        if (figure) out.addBlock(figure);
        return;
      }
      case 'figure':
        for (const block of this.figure(node, marks)) out.addBlock(block);
        return;
      case 'ul':
      case 'ol': {
        const list = this.list(node, tag, marks);
        if (list) out.addBlock(list);
        return;
      }
      case 'blockquote': {
        const content = this.collect(node, marks);
        if (content.length > 0) out.addBlock({ type: 'blockquote', content });
        return;
      }
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        for (const block of this.heading(node, Math.min(Number(tag[1]), 3), marks)) out.addBlock(block);
        return;
      default:
        break;
    }
    const inner = marksFor(node, tag, marks);
    if (BLOCKS.has(tag)) {
      out.flush();
      this.children(Array.from(node.childNodes), out, inner, pre || tag === 'pre');
      out.flush();
    } else {
      this.children(Array.from(node.childNodes), out, inner, pre);
    }
  }

  /** Records a standfirst or byline element met in the page instead of putting it in the body. */
  private takeFinding(element: DomElement): boolean {
    const classes = classesOf(element);
    if (classes.length === 0 && element.getAttribute('rel') === null) return false;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    const fits = (max: number) => text !== '' && text.length <= max;
    if (this.findings.standfirst === undefined && fits(600) && classes.some((name) => STANDFIRST_CLASS.test(name))) {
      this.findings.standfirst = text;
      return true;
    }
    const isByline = classes.some((name) => BYLINE_CLASS.test(name)) || element.getAttribute('rel') === 'author';
    if (this.findings.byline === undefined && fits(200) && isByline) {
      this.findings.byline = text.replace(/^by\s+/i, '');
      return true;
    }
    return false;
  }

  /** h1 stays level 1 here: the importer turns the first into the headline and the rest into level 2. */
  private heading(element: DomElement, level: number, marks: MarkJson[]): JSONContent[] {
    const blocks = this.collect(element, marks);
    const lines = blocks.filter((block) => block.type === 'paragraph' || block.type === 'relatedLink');
    const content = lines.flatMap((block, index) => [
      ...(index > 0 ? [{ type: 'hardBreak' }] : []),
      ...(block.type === 'paragraph' ? (block.content ?? []) : textNode(inlinePlainText(block.content), [])),
    ]);
    const others = blocks.filter((block) => !lines.includes(block));
    return content.length > 0 ? [{ type: 'heading', attrs: { level }, content }, ...others] : others;
  }

  private list(element: DomElement, tag: 'ul' | 'ol', marks: MarkJson[]): JSONContent | null {
    const items: JSONContent[] = [];
    for (const child of Array.from(element.childNodes)) {
      if (!isElement(child)) {
        if ((child.textContent ?? '').trim() === '' || child.nodeType !== TEXT_NODE) continue;
      } else if (DROPPED.has(tagOf(child)) || isHidden(child)) {
        continue;
      }
      const isItem = isElement(child) && tagOf(child) === 'li';
      const blocks = isItem ? this.collect(child, marks) : this.collectNodes([child], marks);
      if (blocks.length === 0) continue;
      const previous = items[items.length - 1];
      // A list nested straight inside a list (not inside an <li>) belongs to the item before it.
      if (!isItem && previous) {
        previous.content = [...(previous.content ?? []), ...blocks];
        continue;
      }
      items.push({ type: 'listItem', content: blocks[0]?.type === 'paragraph' ? blocks : [{ type: 'paragraph' }, ...blocks] });
    }
    if (items.length === 0) return null;
    if (tag === 'ul') return { type: 'bulletList', content: items };
    const start = Number.parseInt(element.getAttribute('start') ?? '1', 10);
    return { type: 'orderedList', attrs: { start: Number.isFinite(start) ? start : 1 }, content: items };
  }

  /** Word pastes lists as paragraphs with a bullet or number in a hidden span. */
  private wordList(paragraphs: DomElement[], marks: MarkJson[]): JSONContent {
    const first = paragraphs[0]?.textContent?.trim() ?? '';
    const ordered = /^[0-9a-z]{1,3}[.)]/i.test(first);
    const items = paragraphs.map((paragraph) => {
      const blocks = this.collect(paragraph, marks);
      return { type: 'listItem', content: blocks[0]?.type === 'paragraph' ? blocks : [{ type: 'paragraph' }, ...blocks] };
    });
    return ordered ? { type: 'orderedList', attrs: { start: 1 }, content: items } : { type: 'bulletList', content: items };
  }

  private figureFromImage(image: DomElement, credit: string, caption: JSONContent[]): JSONContent | null {
    const src = importUrl(image.getAttribute('src'));
    if (src === null) return null;
    const alt = (image.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    return { type: 'figure', attrs: { src, alt, credit }, content: caption };
  }

  private figure(element: DomElement, marks: MarkJson[]): JSONContent[] {
    const image = findFirst(element, (node) => tagOf(node) === 'img');
    const figcaption = findFirst(element, (node) => tagOf(node) === 'figcaption');
    const creditElement = findFirst(element, (node) => classesOf(node).some((name) => CREDIT_CLASS.test(name)));
    let credit = (element.getAttribute('data-credit') ?? creditElement?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (creditElement) this.skipped.add(creditElement);
    const captionBlocks = figcaption ? this.collect(figcaption, marks) : [];
    let caption = captionBlocks.flatMap((block, index) => [
      ...(index > 0 ? [{ type: 'hardBreak' }] : []),
      ...(block.type === 'paragraph' ? (block.content ?? []) : textNode(inlinePlainText(block.content), [])),
    ]);
    const last = caption[caption.length - 1];
    const creditInCaption = last?.type === 'text' ? CAPTION_CREDIT.exec(last.text ?? '') : null;
    if (!credit && last && creditInCaption?.[1]) {
      credit = creditInCaption[1].trim();
      last.text = (last.text ?? '').slice(0, creditInCaption.index).trimEnd();
      caption = normalizeInline(caption);
    }
    const figure = image ? this.figureFromImage(image, credit, caption) : null;
    if (figure) return [figure];
    // No usable image: the caption still says something, keep it as text.
    return caption.length > 0 ? [{ type: 'paragraph', content: caption }] : [];
  }
}

function findFirst(root: DomNode, test: (element: DomElement) => boolean): DomElement | null {
  for (const child of Array.from(root.childNodes)) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const found = findFirst(child, test);
    if (found) return found;
  }
  return null;
}

/** The body blocks of an HTML document or fragment; page parts outside the body go to `findings`. */
export function htmlBlocks(nodes: DomNode[], findings: HtmlFindings): JSONContent[] {
  return new HtmlWalker(findings).collectNodes(nodes, []);
}
