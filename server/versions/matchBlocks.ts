import type { Node as PMNode } from '@tiptap/pm/model';
import type { RestorableBlock } from '../../shared/api.ts';
import { lcsPairs } from '../../shared/review/lcs.ts';

/** Where a block of an old version is in the story now. */
export type BlockMatchStatus =
  /** Still in the story, unchanged (`moved` when it is elsewhere). */
  | 'same'
  /** Still in the story, at `current`, with other content or attributes. */
  | 'changed'
  /** No longer in the story. */
  | 'deleted';

/** One top-level block of the old version and its counterpart in the current story. */
export interface BlockMatch {
  status: BlockMatchStatus;
  /** Index of the block among the old version's top-level blocks (the headline is 0). */
  old: number;
  /** Index of its counterpart among the current story's top-level blocks; null when deleted. */
  current: number | null;
  /** True for a block found unchanged out of order (it was moved): not an anchor for insertions. */
  moved: boolean;
}

// Below this share of common words two blocks of one type are not the same block rewritten.
const PAIRING_SIMILARITY = 0.3;
// The headline and the standfirst are slots: whatever they say, they are the same block.
const SLOTS = new Set(['headline', 'standfirst']);

const fingerprint = (node: PMNode): string => JSON.stringify(node.toJSON());
const wordsOf = (node: PMNode): string[] => node.textContent.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** How alike two blocks are, 0 to 1: a figure is known by its image, a READ MORE block by its link, the rest by their words. */
export function blockSimilarity(a: PMNode, b: PMNode): number {
  if (a.type !== b.type) return 0;
  if (SLOTS.has(a.type.name)) return 1;
  if (a.type.name === 'figure' && a.attrs.src === b.attrs.src) return 1;
  if (a.type.name === 'relatedLink' && a.attrs.href === b.attrs.href) return 1;
  const wordsA = wordsOf(a);
  const wordsB = wordsOf(b);
  if (wordsA.length === 0 && wordsB.length === 0) return 1;
  const common = lcsPairs(wordsA, wordsB, (word) => word).length;
  return (2 * common) / (wordsA.length + wordsB.length);
}

const children = (doc: PMNode): PMNode[] => {
  const out: PMNode[] = [];
  doc.forEach((child) => out.push(child));
  return out;
};

/**
 * Finds each top-level block of `old` (a version's document) in `current` (the live story's).
 * Blocks carry no id, so they are matched by position and content, like the comparison view:
 * 1. equal blocks in a longest common subsequence of the two block sequences are `same`;
 * 2. between two such anchors, an old block is `changed` when a later-unclaimed current block of the
 *    same type is similar enough (the headline and standfirst always are; a figure with the same
 *    image, a READ MORE block with the same link; else at least 30% common words), in order;
 * 3. a block left over that appears unchanged elsewhere in the story was moved: `same`, `moved`;
 * 4. the rest are `deleted`.
 * Matches 1 and 2 keep the order of both documents.
 */
export function matchBlocks(old: PMNode, current: PMNode): BlockMatch[] {
  const olds = children(old);
  const currents = children(current);
  const matches: BlockMatch[] = olds.map((_, index) => ({ status: 'deleted', old: index, current: null, moved: false }));
  const claimed = new Set<number>();
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...lcsPairs(olds, currents, fingerprint), [olds.length, currents.length] as [number, number]]) {
    // The gap between two anchors: pair similar blocks in order.
    let next = j;
    for (let o = i; o < pi; o += 1) {
      for (let c = next; c < pj; c += 1) {
        if (blockSimilarity(olds[o] as PMNode, currents[c] as PMNode) >= PAIRING_SIMILARITY) {
          matches[o] = { status: 'changed', old: o, current: c, moved: false };
          claimed.add(c);
          next = c + 1;
          break;
        }
      }
    }
    if (pi < olds.length) {
      matches[pi] = { status: 'same', old: pi, current: pj, moved: false };
      claimed.add(pj);
    }
    i = pi + 1;
    j = pj + 1;
  }
  for (const match of matches) {
    if (match.status !== 'deleted') continue;
    const print = fingerprint(olds[match.old] as PMNode);
    const twin = currents.findIndex((node, index) => !claimed.has(index) && fingerprint(node) === print);
    if (twin >= 0) {
      claimed.add(twin);
      Object.assign(match, { status: 'same', current: twin, moved: true });
    }
  }
  return matches;
}

/** What restoring one block does to the story. */
export type BlockRestoreChange = 'replaced' | 'inserted' | 'unchanged';

/** The story with one old block put back, and where it is now. */
export interface BlockRestorePlan {
  change: BlockRestoreChange;
  /** Index of the restored block among the new document's top-level blocks. */
  at: number;
  /** The whole new document (equal to `current` when `change` is `unchanged`). */
  doc: PMNode;
  /** The old block. */
  block: PMNode;
  /** The block of `current` it replaces; null unless `change` is `replaced`. */
  replaced: PMNode | null;
}

/**
 * Puts block `index` of `old` back into `current`: a `changed` block replaces its counterpart
 * where it is now; a `deleted` one is inserted right after the block that preceded it in the old
 * version (its nearest earlier block still in the story, in order), or before the first later one
 * when none precedes it, or at the end; a `same` one changes nothing. Every other block of
 * `current` stays as it is. Returns null when `old` has no block `index`.
 * Throws a RangeError when the result does not fit the schema.
 */
export function planBlockRestore(old: PMNode, current: PMNode, index: number): BlockRestorePlan | null {
  if (!Number.isInteger(index) || index < 0 || index >= old.childCount) return null;
  const block = old.child(index);
  const matches = matchBlocks(old, current);
  const match = matches[index] as BlockMatch;
  if (match.status === 'same') return { change: 'unchanged', at: match.current as number, doc: current, block, replaced: null };
  const blocks = children(current);
  let at: number;
  let change: BlockRestoreChange;
  let replaced: PMNode | null = null;
  if (match.status === 'changed') {
    at = match.current as number;
    replaced = blocks[at] as PMNode;
    blocks[at] = block;
    change = 'replaced';
  } else {
    const anchored = (m: BlockMatch) => m.current !== null && !m.moved;
    const before = matches.slice(0, index).reverse().find(anchored);
    const after = matches.slice(index + 1).find(anchored);
    at = before ? (before.current as number) + 1 : after ? (after.current as number) : blocks.length;
    blocks.splice(at, 0, block);
    change = 'inserted';
  }
  const doc = current.type.create(current.attrs, blocks, current.marks);
  doc.check();
  return { change, at, doc, block, replaced };
}

/** The blocks of `old` that restoring would change in `current` (changed or deleted there), with their text, in the old version's order. */
export function restorableBlocks(old: PMNode, current: PMNode): RestorableBlock[] {
  return matchBlocks(old, current)
    .filter((match) => match.status !== 'same')
    .map((match) => {
      const node = old.child(match.old);
      return { block: match.old, status: match.status as RestorableBlock['status'], type: node.type.name, text: node.textContent };
    });
}
