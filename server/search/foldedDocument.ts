import { foldedWords } from '../../shared/search/foldText.ts';
import type { SearchDocument } from './SearchDocument.ts';

/** `document` as the index holds it: each part's folded words joined by single spaces. */
export function foldedDocument(document: SearchDocument): SearchDocument {
  const fold = (text: string) => foldedWords(text).join(' ');
  return {
    headline: fold(document.headline),
    standfirst: fold(document.standfirst),
    body: fold(document.body),
    captions: fold(document.captions),
    byline: fold(document.byline),
    slug: fold(document.slug),
    section: fold(document.section),
    tags: document.tags.map(fold),
  };
}

/** A stored document read back: any field missing or of the wrong type reads as empty. */
export function parseSearchDocument(json: string): SearchDocument {
  let value: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed !== null && typeof parsed === 'object') value = parsed as Record<string, unknown>;
  } catch {
    // A damaged cell gives an empty snippet, never a failed search.
  }
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '');
  return {
    headline: text('headline'),
    standfirst: text('standfirst'),
    body: text('body'),
    captions: text('captions'),
    byline: text('byline'),
    slug: text('slug'),
    section: text('section'),
    tags: Array.isArray(value.tags) ? value.tags.filter((tag): tag is string => typeof tag === 'string') : [],
  };
}
