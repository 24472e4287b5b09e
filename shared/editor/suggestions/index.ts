/**
 * Suggestion mode (track changes) for the article editor: the schema additions, the editor
 * extension, accept/reject, the sidebar list and the rejected state for exports. See README.md.
 */
export { BLOCK_SUGGESTION_TYPES, BlockSuggestion } from './BlockSuggestion.ts';
export { listSuggestions, type SuggestionKind, type SuggestionSummary } from './listSuggestions.ts';
export {
  acceptAllSuggestions,
  acceptSuggestion,
  rejectAllSuggestions,
  rejectSuggestion,
  RESOLVE_SUGGESTION_META,
} from './resolveSuggestions.ts';
export {
  isLocalEdit,
  isSuggesting,
  isSuggestingEditor,
  REFUSED_BLOCK_CHANGE,
  SKIP_SUGGESTIONS_META,
  SuggestingMode,
  suggestingModeKey,
  TRACKED_SUGGESTIONS_META,
  type SuggestingModeOptions,
  type SuggestingState,
} from './SuggestingMode.ts';
export {
  newSuggestionAttrs,
  suggestionColor,
  type BlockSuggestionAttrs,
  type BlockSuggestionKind,
  type SuggestionAttrs,
  type SuggestionAuthor,
} from './suggestionAttributes.ts';
export { SuggestionDelete } from './SuggestionDelete.ts';
export { SUGGESTION_MARKS, suggestionArticleExtensions } from './suggestionExtensions.ts';
export { SuggestionFormat, type MarkJson } from './SuggestionFormat.ts';
export { SuggestionInsert } from './SuggestionInsert.ts';
export { trackChanges, stripSuggestions, type TrackContext } from './trackChanges.ts';
export { hasPendingSuggestions, withoutSuggestions } from './withoutSuggestions.ts';
