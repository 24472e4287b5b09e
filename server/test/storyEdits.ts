import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { DOC_FIELD } from '../../shared/collab/docFields.ts';
import { articleSchema } from '../../shared/editor/schema.ts';
import { acceptSuggestion, rejectSuggestion } from '../../shared/editor/suggestions/resolveSuggestions.ts';
import { newSuggestionAttrs, type SuggestionAuthor } from '../../shared/editor/suggestions/suggestionAttributes.ts';

/**
 * Editor-less edits for integration tests: a headless client's story as a ProseMirror document,
 * changed by ProseMirror transactions and written back to its Y.Doc the way y-prosemirror writes
 * an editor's document (the smallest change), so the provider sends it like anyone's keystrokes.
 */

/** The story in `ydoc` as a ProseMirror node of the article schema. */
export function storyDoc(ydoc: Y.Doc): PMNode {
  return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(DOC_FIELD), articleSchema);
}

/** Writes `doc` into `ydoc` as one local transaction (y-prosemirror's diff against the current fragment). */
export function writeStoryDoc(ydoc: Y.Doc, doc: PMNode): void {
  updateYFragment(ydoc, ydoc.getXmlFragment(DOC_FIELD), doc, { mapping: new Map(), isOMark: new Map() });
}

/** Applies what `build` does to the story's current document and writes the result back. */
export function editStory(ydoc: Y.Doc, build: (tr: Transaction) => Transaction | null): void {
  const tr = build(EditorState.create({ doc: storyDoc(ydoc) }).tr);
  if (!tr) throw new Error('the edit did nothing');
  writeStoryDoc(ydoc, tr.doc);
}

/** ProseMirror range of the `occurrence`-th appearance of `text` inside one text node of `doc`. */
export function rangeOf(doc: PMNode, text: string, occurrence = 0): { from: number; to: number } {
  let seen = 0;
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    let index = (node.text ?? '').indexOf(text);
    while (index >= 0 && !found) {
      if (seen === occurrence) found = { from: pos + index, to: pos + index + text.length };
      seen += 1;
      index = (node.text ?? '').indexOf(text, index + 1);
    }
    return false;
  });
  if (!found) throw new Error(`"${text}" is not in the story`);
  return found;
}

/** Types `text` at `at` (a plain edit). */
export function typeAt(ydoc: Y.Doc, at: (doc: PMNode) => number, text: string): void {
  editStory(ydoc, (tr) => tr.insertText(text, at(tr.doc)));
}

/**
 * What suggesting mode records when `author` replaces `oldText` with `newText` (or only strikes it
 * when `newText` is empty, or only inserts before it when `oldText` is empty and `before` is given):
 * the old words marked `suggestionDelete`, the new ones inserted with `suggestionInsert`, one id.
 */
export function suggestReplace(ydoc: Y.Doc, author: SuggestionAuthor, id: string, oldText: string, newText: string): void {
  editStory(ydoc, (tr) => {
    const { from, to } = rangeOf(tr.doc, oldText);
    const attrs = newSuggestionAttrs(author, id, new Date());
    tr.addMark(from, to, articleSchema.marks.suggestionDelete!.create(attrs));
    if (newText) tr.insert(to, articleSchema.text(newText, [articleSchema.marks.suggestionInsert!.create(attrs)]));
    return tr;
  });
}

/** Accepts (or rejects) suggestion `id` as an editor's accept button does, and writes the result. */
export function resolveSuggestion(ydoc: Y.Doc, id: string, accept: boolean): void {
  const state = EditorState.create({ doc: storyDoc(ydoc) });
  const tr = accept ? acceptSuggestion(state, id) : rejectSuggestion(state, id);
  if (!tr) throw new Error(`no suggestion ${id} to ${accept ? 'accept' : 'reject'}`);
  writeStoryDoc(ydoc, tr.doc);
}

/** Plain text of the story's body blocks (after the headline and standfirst), one string per block. */
export function bodyTexts(ydoc: Y.Doc): string[] {
  const doc = storyDoc(ydoc);
  const texts: string[] = [];
  for (let i = 2; i < doc.childCount; i += 1) texts.push(doc.child(i).textContent);
  return texts;
}
