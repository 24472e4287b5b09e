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
