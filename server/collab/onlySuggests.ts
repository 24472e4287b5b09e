import type { JSONContent } from '@tiptap/core';
import { articleSchema } from '../../shared/editor/schema.ts';
import { withoutSuggestions } from '../../shared/editor/suggestions/withoutSuggestions.ts';
import { DELETE_MARK, SUGGESTION_MARK_NAMES } from '../../shared/editor/suggestions/suggestionMarks.ts';

type JsonMark = NonNullable<JSONContent['marks']>[number];

const marksOf = (node: JSONContent): JsonMark[] => (Array.isArray(node.marks) ? node.marks : []);
const blockKind = (node: JSONContent): unknown => (node.attrs?.suggestion as { kind?: unknown } | null | undefined)?.kind;

/**
 * The document as if every pending suggestion were accepted: suggested deletions (text and blocks)
 * removed, suggested insertions and formatting kept as they stand, no suggestion marks or attributes.
 */
export function withSuggestionsAccepted(doc: JSONContent): JSONContent {
  const copy: JSONContent = { ...doc };
  if (Array.isArray(doc.marks)) {
    const marks = doc.marks.filter((mark) => !SUGGESTION_MARK_NAMES.has(mark.type));
    if (marks.length) copy.marks = marks;
    else delete copy.marks;
  }
  if (doc.attrs && 'suggestion' in doc.attrs) {
    const { suggestion: _suggestion, ...attrs } = doc.attrs;
    copy.attrs = attrs;
  }
  if (Array.isArray(doc.content)) {
    copy.content = doc.content
      .filter((child) => blockKind(child) !== 'delete' && !marksOf(child).some((mark) => mark.type === DELETE_MARK))
      .map(withSuggestionsAccepted);
  }
  return copy;
}

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
 * Where paragraphs split or join does not count, nor empty paragraphs: suggesting mode applies
 * Enter and a paragraph join for real, and resolving a suggestion drops a block it left empty.
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
    const here = `${path}/${node.type ?? '?'}${sortedJson(node.attrs ?? {})}`;
    const nodeType = articleSchema.nodes[node.type ?? ''];
    // A leaf (a rule, a line break) or an object (a figure, a READ MORE link) counts even when it holds no text; an empty paragraph does not.
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
 * Whether going from story `before` to `after` only suggested changes or resolved suggestions:
 * true when the story with every suggestion rejected reads the same (a new suggestion, a rejected
 * one) or the story with every suggestion accepted reads the same (an accepted one). A plain edit
 * changes both.
 */
export function onlySuggests(before: JSONContent, after: JSONContent): boolean {
  return sameWords(withoutSuggestions(before), withoutSuggestions(after)) || sameWords(withSuggestionsAccepted(before), withSuggestionsAccepted(after));
}
