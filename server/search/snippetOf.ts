import { foldText } from '../../shared/search/foldText.ts';
import { SEARCH_FIELDS, type SearchField, type SearchMatch, type SnippetPart } from '../../shared/search/SearchMatch.ts';
import type { SearchDocument } from './SearchDocument.ts';

/** Characters of context kept before the first matched word, and the snippet's usual length. */
const BEFORE = 60;
const LENGTH = 180;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

interface Word {
  start: number;
  end: number;
  marked: boolean;
}

function wordsOf(text: string, terms: readonly string[]): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = foldText(match[0]).replace(/[^\p{L}\p{N}]/gu, '');
    words.push({ start: match.index, end: match.index + match[0].length, marked: terms.some((term) => folded.startsWith(term)) });
  }
  return words;
}

function textOfField(document: SearchDocument, field: SearchField): string {
  const value = field === 'tags' ? document.tags.join(', ') : document[field];
  return value.replace(/\s+/g, ' ').trim();
}

function partsOf(text: string, words: Word[]): SnippetPart[] {
  const first = words.find((word) => word.marked)!;
  // Start and end on word boundaries, about BEFORE characters before the first match.
  const startWord = words.find((word) => word.end >= first.start - BEFORE) ?? first;
  const start = startWord.start <= BEFORE / 2 ? 0 : startWord.start;
  const endWord = [...words].reverse().find((word) => word.end <= start + LENGTH && word.end >= first.end) ?? first;
  const end = text.length - endWord.end <= BEFORE / 2 ? text.length : endWord.end;
  const parts: SnippetPart[] = [];
  const push = (piece: string, marked: boolean) => {
    if (piece === '') return;
    const last = parts[parts.length - 1];
    if (last && last.marked === marked && !marked) last.text += piece;
    else parts.push({ text: piece, marked });
  };
  if (start > 0) push('… ', false);
  let at = start;
  for (const word of words) {
    if (!word.marked || word.start < start || word.end > end) continue;
    push(text.slice(at, word.start), false);
    push(text.slice(word.start, word.end), true);
    at = word.end;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push(' …', false);
  return parts;
}

/**
 * Where `document` matches the (folded) `terms`: the part holding most of them (body first on a
 * tie), cut to about LENGTH characters around the first match, each matched word marked.
 * Null when no word of the document begins with a term.
 */
export function snippetOf(document: SearchDocument, terms: readonly string[]): SearchMatch | null {
  let best: { field: SearchField; text: string; words: Word[]; score: number } | null = null;
  for (const field of SEARCH_FIELDS) {
    const text = textOfField(document, field);
    const words = wordsOf(text, terms);
    const folded = words.filter((word) => word.marked).map((word) => foldText(text.slice(word.start, word.end)));
    const score = terms.filter((term) => folded.some((word) => word.replace(/[^\p{L}\p{N}]/gu, '').startsWith(term))).length;
    if (score > 0 && (best === null || score > best.score)) best = { field, text, words, score };
  }
  return best && { field: best.field, parts: partsOf(best.text, best.words) };
}
