import { Node as PMNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { readArticle } from '../article/readArticle.ts';
import { articleSchema } from '../editor/schema.ts';

/**
 * The story's current document as a ProseMirror node, read without changing the Y.Doc.
 * Content is not checked against the schema: a quote is worth showing even from an odd document.
 */
export function storyNode(ydoc: Y.Doc): PMNode {
  return PMNode.fromJSON(articleSchema, readArticle(ydoc).doc);
}

/** The text between two positions of `doc`: blocks joined by a newline, a hard break as a space. */
export function textIn(doc: PMNode, from: number, to: number): string {
  const start = Math.max(0, Math.min(from, doc.content.size));
  const end = Math.max(start, Math.min(to, doc.content.size));
  return doc.textBetween(start, end, '\n', ' ');
}

/** The story's text between ProseMirror positions `from` and `to`, as a comment quotes it. */
export function quoteBetween(ydoc: Y.Doc, from: number, to: number): string {
  return textIn(storyNode(ydoc), from, to);
}
