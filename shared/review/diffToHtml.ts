import { READ_MORE_PREFIX } from '../editor/nodes/readMorePrefix.ts';
import { escapeHtml } from '../export/escapeHtml.ts';
import { safeUrl } from '../export/safeUrl.ts';
import type { ArticleDiff, AttrChange, BlockDiff, DiffSegment, MarkJson } from './diffArticles.ts';

const CONTAINERS: Record<string, [string, string]> = {
  blockquote: ['<blockquote>', '</blockquote>'],
  bulletList: ['<ul>', '</ul>'],
  orderedList: ['<ol>', '</ol>'],
  listItem: ['<li>', '</li>'],
};

const ATTR_LABELS: Record<string, string> = { src: 'image', alt: 'alt text', credit: 'credit', href: 'link', level: 'heading level' };

function wrapMark(mark: MarkJson, html: string): string {
  if (mark.type === 'bold') return `<strong>${html}</strong>`;
  if (mark.type === 'italic') return `<em>${html}</em>`;
  if (mark.type === 'link') {
    const href = safeUrl(mark.attrs?.href);
    return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>` : html;
  }
  return html;
}

function segmentHtml(segment: DiffSegment): string {
  let html = segment.text.split('\n').map(escapeHtml).join('<br>');
  for (const mark of [...(segment.marks ?? [])].reverse()) html = wrapMark(mark, html);
  if (segment.op === 'insert') return `<ins>${html}</ins>`;
  if (segment.op === 'delete') return `<del>${html}</del>`;
  return html;
}

const inline = (segments: DiffSegment[]): string => segments.map(segmentHtml).join('');

function image(src: unknown, alt: unknown): string {
  const url = safeUrl(src);
  return url ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt ?? '')}">` : '';
}

const change = (status: BlockDiff['status'], html: string): string =>
  status === 'inserted' ? `<ins>${html}</ins>` : status === 'deleted' ? `<del>${html}</del>` : html;

function figureHtml(block: BlockDiff): string {
  const srcChange = block.attrChanges.find((entry) => entry.name === 'src');
  const altChange = block.attrChanges.find((entry) => entry.name === 'alt');
  const images = srcChange
    ? `<del>${image(srcChange.before, altChange?.before ?? block.attrs.alt)}</del><ins>${image(srcChange.after, block.attrs.alt)}</ins>`
    : change(block.status, image(block.attrs.src, block.attrs.alt));
  const credit = String(block.attrs.credit ?? '').trim();
  const creditHtml = credit ? ` <span class="credit">${change(block.status, escapeHtml(credit))}</span>` : '';
  return `<figure>${images}<figcaption>${inline(block.segments)}${creditHtml}</figcaption></figure>`;
}

function relatedLinkHtml(block: BlockDiff): string {
  const href = safeUrl(block.attrs.href);
  const label = `${escapeHtml(READ_MORE_PREFIX)}${inline(block.segments)}`;
  return `<aside class="read-more">${href ? `<a href="${escapeHtml(href)}">${label}</a>` : label}</aside>`;
}

function elementHtml(block: BlockDiff): string {
  switch (block.type) {
    case 'headline':
      return `<h1>${inline(block.segments)}</h1>`;
    case 'standfirst':
      return `<p class="standfirst">${inline(block.segments)}</p>`;
    case 'heading': {
      const level = block.attrs.level === 3 ? 3 : 2;
      return `<h${level}>${inline(block.segments)}</h${level}>`;
    }
    case 'horizontalRule':
      return change(block.status, '<hr>');
    case 'figure':
      return figureHtml(block);
    case 'relatedLink':
      return relatedLinkHtml(block);
    default:
      return `<p>${inline(block.segments)}</p>`;
  }
}

function attrValue(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(none)' : String(value);
}

function attrChangesHtml(changes: AttrChange[]): string {
  if (changes.length === 0) return '';
  const items = changes.map((entry) => {
    const label = escapeHtml(ATTR_LABELS[entry.name] ?? entry.name);
    return `<li>${label}: <del>${escapeHtml(attrValue(entry.before))}</del> <ins>${escapeHtml(attrValue(entry.after))}</ins></li>`;
  });
  return `\n<ul class="diff-attrs">${items.join('')}</ul>`;
}

function blockHtml(block: BlockDiff): string {
  let html = elementHtml(block);
  for (const container of [...block.path].reverse()) {
    const tags = CONTAINERS[container];
    if (tags) html = `${tags[0]}${html}${tags[1]}`;
  }
  const classes = ['diff-block', `diff-${block.status}`, block.moved ? 'diff-moved' : ''].filter(Boolean).join(' ');
  return `<div class="${classes}">${html}${attrChangesHtml(block.attrChanges)}</div>`;
}

/**
 * The comparison as an HTML fragment: `<div class="diff">` holding one `<div class="diff-block
 * diff-<status>">` per block, inserted text in `<ins>` and deleted text in `<del>`, and the meta
 * fields that changed first. Every text and attribute is escaped; unsafe URLs are dropped.
 */
export function diffToHtml(diff: ArticleDiff): string {
  const meta = diff.meta.length
    ? `<ul class="diff-meta">${diff.meta
        .map((entry) => `<li>${escapeHtml(entry.key)}: <del>${escapeHtml(attrValue(entry.before))}</del> <ins>${escapeHtml(attrValue(entry.after))}</ins></li>`)
        .join('')}</ul>\n`
    : '';
  return `<div class="diff">\n${meta}${diff.blocks.map(blockHtml).join('\n')}\n</div>`;
}
