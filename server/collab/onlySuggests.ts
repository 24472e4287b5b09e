import type { JSONContent } from '@tiptap/core';
import { articleSchema } from '../../shared/editor/schema.ts';
import { withoutSuggestions } from '../../shared/editor/suggestions/withoutSuggestions.ts';
import { forgedSuggestions, type SuggestionAuthor } from './forgedSuggestions.ts';

export type { SuggestionAuthor } from './forgedSuggestions.ts';

type JsonMark = NonNullable<JSONContent['marks']>[number];

const marksOf = (node: JSONContent): JsonMark[] => (Array.isArray(node.marks) ? node.marks : []);

const LINE_BREAK = 'hardBreak';

/** Blocks that are one thing with a caption or label, not running text. */
const OBJECT_NODES: ReadonlySet<string> = new Set(['figure', 'relatedLink']);

const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );

/**
 * The words of a story (without suggestion marks) as a list of runs: text with its marks and the
 * blocks around it, and every leaf node (figure, READ MORE link, rule) with its attributes.
 * Where paragraphs split or join does not count, nor line breaks, nor empty paragraphs:
 * suggesting mode applies Enter and a paragraph join for real, and resolving a suggestion drops a block it left empty.
 */
export function wordRuns(doc: JSONContent): string[] {
  const runs: string[] = [];
  const walk = (node: JSONContent, path: string): void => {
    if (node.type === 'text') {
      const key = `${path}|${sortedJson(marksOf(node))}`;
      const last = runs.at(-1);
      if (last?.startsWith(`t:${key}\u0000`)) runs[runs.length - 1] = last + (node.text ?? '');
      else runs.push(`t:${key}\u0000${node.text ?? ''}`);
      return;
    }
    // A line break is where a paragraph splits, as Enter: suggested, it still reaches the story
    // without its mark (marks on inline nodes other than text are not kept in the Y.Doc).
    if (node.type === LINE_BREAK) return;
    const here = `${path}/${node.type ?? '?'}${sortedJson(node.attrs ?? {})}`;
    const nodeType = articleSchema.nodes[node.type ?? ''];
    // A leaf (a rule) or an object (a figure, a READ MORE link) counts even when it holds no text; an empty paragraph does not.
    if (!nodeType || nodeType.isLeaf || OBJECT_NODES.has(nodeType.name)) runs.push(`n:${here}`);
    if (nodeType && !nodeType.isLeaf) for (const child of node.content ?? []) walk(child, here);
  };
  walk(doc, '');
  return runs;
}

const sameWords = (a: JSONContent, b: JSONContent): boolean => {
  const left = wordRuns(a);
  const right = wordRuns(b);
  return left.length === right.length && left.every((run, i) => run === right[i]);
};

/**
 * Whether going from story `before` to `after` only suggested changes or took suggestions back,
 * as required of someone who may not edit: the story with every pending suggestion rejected
 * reads the same (a new suggestion, withdrawing or rejecting one; never accepting one, nor
 * deleting words once they are marked deleted), and, when `author` is given, every suggestion
 * new or changed in `after` is in their name (see forgedSuggestions).
 */
export function onlySuggests(before: JSONContent, after: JSONContent, author?: SuggestionAuthor): boolean {
  if (!sameWords(withoutSuggestions(before), withoutSuggestions(after))) return false;
  return author === undefined || forgedSuggestions(before, after, author).length === 0;
}
