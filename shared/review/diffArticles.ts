import type { ArticleJson } from '../article/ArticleJson.ts';
import { articleNode } from '../article/articleNode.ts';
import { normalizeMeta } from '../article/normalizeMeta.ts';
import { META_KEYS, type MetaKey } from '../collab/docFields.ts';
import { flattenBlocks, type FlatBlock, type InlineToken, type MarkJson } from './flattenBlocks.ts';
import { lcsPairs } from './lcs.ts';

export type { MarkJson } from './flattenBlocks.ts';

/** What happened to a block between the two versions. */
export type BlockStatus = 'same' | 'inserted' | 'deleted' | 'changed';

/** What happened to a piece of text inside a block. */
export type SegmentOp = 'equal' | 'insert' | 'delete';

/** A run of text with one operation and one set of marks; a hard break is the text `\n`. */
export interface DiffSegment {
  text: string;
  op: SegmentOp;
  marks?: MarkJson[];
}

/** An attribute that differs: a figure's src, alt or credit, a READ MORE href, a heading level. */
export interface AttrChange {
  name: string;
  before: unknown;
  after: unknown;
}

/** One block of the comparison, in the order a reader meets it. */
export interface BlockDiff {
  status: BlockStatus;
  type: string;
  /** The containers around the block, outermost first: `['bulletList', 'listItem']`. */
  path: string[];
  /** The newer version's attributes (the older one's for a deleted block). */
  attrs: Record<string, unknown>;
  attrChanges: AttrChange[];
  segments: DiffSegment[];
  /** True for a deleted block that reappears, unchanged, elsewhere (and for that inserted copy). */
  moved: boolean;
}

/** A meta field that differs; tags are compared as a comma-separated list. */
export interface MetaChange {
  key: MetaKey;
  before: string;
  after: string;
}

/** The comparison of two versions of a story, ready to render. */
export interface ArticleDiff {
  blocks: BlockDiff[];
  meta: MetaChange[];
  counts: { inserted: number; deleted: number; changed: number };
  identical: boolean;
}

// Below this share of common words two blocks are shown as one deleted and one inserted.
const PAIRING_SIMILARITY = 0.3;
const SLOTS = new Set(['headline', 'standfirst']);

const isWord = (token: InlineToken): boolean => /[\p{L}\p{N}]/u.test(token.text);

/** The words a block is recognised by: its text, and for a figure its alt text and credit too. */
function wordsOf(block: FlatBlock): string[] {
  const words = block.tokens.filter(isWord).map((token) => token.text.toLowerCase());
  if (block.type !== 'figure') return words;
  const described = `${String(block.attrs.alt ?? '')} ${String(block.attrs.credit ?? '')}`.toLowerCase();
  return [...words, ...(described.match(/[\p{L}\p{N}]+/gu) ?? [])];
}

function similarity(a: FlatBlock, b: FlatBlock): number {
  if (!sameKind(a, b)) return 0;
  if (a.type === 'figure' && a.attrs.src === b.attrs.src) return 1;
  if (a.type === 'relatedLink' && a.attrs.href === b.attrs.href) return 1;
  const wordsA = wordsOf(a);
  const wordsB = wordsOf(b);
  if (wordsA.length === 0 && wordsB.length === 0) return 1;
  const common = lcsPairs(wordsA, wordsB, (word) => word).length;
  return (2 * common) / (wordsA.length + wordsB.length);
}

function mergeSegments(parts: Array<{ op: SegmentOp; token: InlineToken }>): DiffSegment[] {
  const segments: DiffSegment[] = [];
  let lastKey = '';
  for (const { op, token } of parts) {
    const key = `${op}\u0000${JSON.stringify(token.marks)}`;
    const last = segments[segments.length - 1];
    if (last && key === lastKey) {
      last.text += token.text;
      continue;
    }
    segments.push(token.marks.length ? { text: token.text, op, marks: token.marks } : { text: token.text, op });
    lastKey = key;
  }
  return segments;
}

const whole = (block: FlatBlock, op: SegmentOp): DiffSegment[] => mergeSegments(block.tokens.map((token) => ({ op, token })));

/**
 * Word-level operations turning `before` into `after`. A lone space between two changes joins
 * them, and each run of changes lists its deletions before its insertions, so a rewritten phrase
 * reads as one `<del>` and one `<ins>` rather than a word-by-word zigzag.
 */
export function diffTokens(before: InlineToken[], after: InlineToken[]): DiffSegment[] {
  const raw: Array<{ op: SegmentOp; token: InlineToken }> = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...lcsPairs(before, after, (token) => token.key), [before.length, after.length] as [number, number]]) {
    while (i < pi) raw.push({ op: 'delete', token: before[i++] as InlineToken });
    while (j < pj) raw.push({ op: 'insert', token: after[j++] as InlineToken });
    if (pi < before.length) raw.push({ op: 'equal', token: before[pi] as InlineToken });
    i = pi + 1;
    j = pj + 1;
  }
  const joined: Array<{ op: SegmentOp; token: InlineToken }> = [];
  raw.forEach((part, index) => {
    const prev = raw[index - 1];
    const next = raw[index + 1];
    const lone = part.op === 'equal' && part.token.text.trim() === '' && part.token.text !== '\n';
    if (lone && prev && next && prev.op !== 'equal' && next.op !== 'equal') {
      joined.push({ op: 'delete', token: part.token }, { op: 'insert', token: part.token });
    } else {
      joined.push(part);
    }
  });
  const ordered: Array<{ op: SegmentOp; token: InlineToken }> = [];
  let run: Array<{ op: SegmentOp; token: InlineToken }> = [];
  const flush = (): void => {
    ordered.push(...run.filter((part) => part.op === 'delete'), ...run.filter((part) => part.op === 'insert'));
    run = [];
  };
  for (const part of joined) {
    if (part.op === 'equal') {
      flush();
      ordered.push(part);
    } else {
      run.push(part);
    }
  }
  flush();
  return mergeSegments(ordered);
}

function attrChanges(before: FlatBlock, after: FlatBlock): AttrChange[] {
  const names = new Set([...Object.keys(before.attrs), ...Object.keys(after.attrs)]);
  const changes: AttrChange[] = [];
  for (const name of names) {
    if (JSON.stringify(before.attrs[name]) !== JSON.stringify(after.attrs[name])) {
      changes.push({ name, before: before.attrs[name] ?? null, after: after.attrs[name] ?? null });
    }
  }
  return changes;
}

// The fingerprint of the version a block diff shows, to spot blocks that only moved.
const FINGERPRINTS = new WeakMap<BlockDiff, string>();

function block(source: FlatBlock, status: BlockStatus, segments: DiffSegment[], changes: AttrChange[] = []): BlockDiff {
  const diff: BlockDiff = { status, type: source.type, path: source.path, attrs: source.attrs, attrChanges: changes, segments, moved: false };
  FINGERPRINTS.set(diff, source.fingerprint);
  return diff;
}

const sameKind = (a: FlatBlock, b: FlatBlock): boolean => a.type === b.type && a.path.join('/') === b.path.join('/');

/** The blocks between two aligned ones: similar pairs become `changed`, the rest deleted or inserted. */
function diffGap(olds: FlatBlock[], news: FlatBlock[]): BlockDiff[] {
  const out: BlockDiff[] = [];
  let nextNew = 0;
  for (const old of olds) {
    let match = -1;
    for (let k = nextNew; k < news.length; k += 1) {
      const candidate = news[k] as FlatBlock;
      // The headline and the standfirst are slots: a rewrite of one is still that block, changed.
      const slot = SLOTS.has(old.type) && sameKind(old, candidate);
      if (slot || similarity(old, candidate) >= PAIRING_SIMILARITY) {
        match = k;
        break;
      }
    }
    if (match < 0) {
      out.push(block(old, 'deleted', whole(old, 'delete')));
      continue;
    }
    for (; nextNew < match; nextNew += 1) out.push(block(news[nextNew] as FlatBlock, 'inserted', whole(news[nextNew] as FlatBlock, 'insert')));
    const fresh = news[match] as FlatBlock;
    out.push(block(fresh, 'changed', diffTokens(old.tokens, fresh.tokens), attrChanges(old, fresh)));
    nextNew = match + 1;
  }
  for (; nextNew < news.length; nextNew += 1) out.push(block(news[nextNew] as FlatBlock, 'inserted', whole(news[nextNew] as FlatBlock, 'insert')));
  return out;
}

function markMoves(blocks: BlockDiff[]): void {
  const inserted = blocks.filter((entry) => entry.status === 'inserted');
  for (const deleted of blocks.filter((entry) => entry.status === 'deleted')) {
    const twin = inserted.find((entry) => !entry.moved && FINGERPRINTS.get(entry) === FINGERPRINTS.get(deleted));
    if (twin && (twin.segments.length > 0 || twin.type === 'figure')) {
      twin.moved = true;
      deleted.moved = true;
    }
  }
}

function diffMeta(before: ArticleJson['meta'], after: ArticleJson['meta']): MetaChange[] {
  const a = normalizeMeta(before);
  const b = normalizeMeta(after);
  const changes: MetaChange[] = [];
  for (const key of META_KEYS) {
    // The byline's plain text already shows a change of its authors.
    if (key === 'authors') continue;
    const from = key === 'tags' ? a.tags.join(', ') : a[key];
    const to = key === 'tags' ? b.tags.join(', ') : b[key];
    if (from !== to) changes.push({ key, before: from, after: to });
  }
  return changes;
}

/**
 * Compares two versions of a story: blocks are aligned on their content (a longest common
 * subsequence of block fingerprints), blocks in between are paired when they share enough words
 * and compared word by word; figures by src, alt, credit and caption, READ MORE links by href and
 * label, links by href (a changed link is its text deleted and inserted with the new mark).
 * Both versions are validated against the schema first: throws a RangeError when one does not fit.
 */
export function diffArticles(before: ArticleJson, after: ArticleJson): ArticleDiff {
  const olds = flattenBlocks(articleNode(before?.doc));
  const news = flattenBlocks(articleNode(after?.doc));
  const blocks: BlockDiff[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...lcsPairs(olds, news, (entry) => entry.fingerprint), [olds.length, news.length] as [number, number]]) {
    blocks.push(...diffGap(olds.slice(i, pi), news.slice(j, pj)));
    if (pi < olds.length) blocks.push(block(news[pj] as FlatBlock, 'same', whole(news[pj] as FlatBlock, 'equal')));
    i = pi + 1;
    j = pj + 1;
  }
  markMoves(blocks);
  const meta = diffMeta(before.meta, after.meta);
  const count = (status: BlockStatus) => blocks.filter((entry) => entry.status === status).length;
  const counts = { inserted: count('inserted'), deleted: count('deleted'), changed: count('changed') };
  return { blocks, meta, counts, identical: counts.inserted + counts.deleted + counts.changed + meta.length === 0 };
}
