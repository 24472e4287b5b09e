import type { AnyExtension, Extensions } from '@tiptap/core';
import { Node } from '@tiptap/core';
import { plainArticleExtensions } from '../plainArticleExtensions.ts';
import { BlockSuggestion } from './BlockSuggestion.ts';
import { SuggestionDelete } from './SuggestionDelete.ts';
import { SuggestionFormat } from './SuggestionFormat.ts';
import { SuggestionInsert } from './SuggestionInsert.ts';

/** The marks of suggestion mode; the only marks the plain-text slots (headline, ...) accept. */
export const SUGGESTION_MARKS = 'suggestionInsert suggestionDelete';

// Plain-text nodes: they refuse bold and links but must carry suggestions like any other text.
const PLAIN_TEXT_NODES = new Set(['headline', 'standfirst', 'relatedLink']);

function allowSuggestions(extension: AnyExtension): AnyExtension {
  if (!(extension instanceof Node) || !PLAIN_TEXT_NODES.has(extension.name)) return extension;
  return extension.extend({ marks: SUGGESTION_MARKS });
}

/**
 * The article schema with suggestion mode: `plainArticleExtensions()` plus the suggestion marks
 * (insert, delete, format) and the block `suggestion` attribute, with the headline, standfirst and
 * READ MORE label accepting the insert and delete marks. The editor adds `SuggestingMode` on top.
 * Switching the editor and the server to this list is a schema change: SCHEMA_VERSION's major
 * must change with it (see README.md).
 */
export function suggestionArticleExtensions(): Extensions {
  return [...plainArticleExtensions().map(allowSuggestions), SuggestionInsert, SuggestionDelete, SuggestionFormat, BlockSuggestion];
}
