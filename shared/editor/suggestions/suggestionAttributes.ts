import type { Attributes } from '@tiptap/core';

/** Who suggested a change and when: the attributes every suggestion mark carries. */
export interface SuggestionAttrs {
  id: string;
  authorId: string;
  authorName: string;
  color: string;
  /** ISO 8601 time of the suggestion. */
  createdAt: string;
}

/** The person making suggestions in an editor: shown on every suggestion they make. */
export interface SuggestionAuthor {
  id: string;
  name: string;
  color: string;
}

/** Whether a block (figure, READ MORE link, rule) is a suggested insertion or a suggested deletion. */
export type BlockSuggestionKind = 'insert' | 'delete';

/** The `suggestion` attribute of a figure, READ MORE link or horizontal rule while one is pending. */
export interface BlockSuggestionAttrs extends SuggestionAttrs {
  kind: BlockSuggestionKind;
}

/** The attributes of a new suggestion by `author` at `now`. */
export function newSuggestionAttrs(author: SuggestionAuthor, id: string, now: Date): SuggestionAttrs {
  return { id, authorId: author.id, authorName: author.name, color: author.color, createdAt: now.toISOString() };
}

/** Tiptap attribute specs of a suggestion mark, kept in the HTML as `data-*` attributes. */
export function suggestionAttributes(): Attributes {
  const attr = (name: string, html: string) => ({
    default: '',
    parseHTML: (element: HTMLElement) => element.getAttribute(html) ?? '',
    renderHTML: (attrs: Record<string, unknown>) => ({ [html]: String(attrs[name] ?? '') }),
  });
  return {
    id: attr('id', 'data-suggestion-id'),
    authorId: attr('authorId', 'data-author-id'),
    authorName: attr('authorName', 'data-author'),
    color: attr('color', 'data-color'),
    createdAt: attr('createdAt', 'data-created-at'),
  };
}

/** A CSS colour the editor may put in a style attribute, or a neutral grey. */
export function suggestionColor(value: unknown): string {
  return typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value) ? value : '#888888';
}
