import type { Extensions } from '@tiptap/core';
import { suggestionArticleExtensions } from './suggestions/suggestionExtensions.ts';

export { plainArticleExtensions } from './plainArticleExtensions.ts';

/**
 * The article schema as Tiptap extensions: the one list the browser editor and the server share,
 * suggestion marks (insert, delete, format) and the block `suggestion` attribute included.
 * Collaboration extensions are not included; the editor adds them (and `SuggestingMode`).
 * Changing what this accepts is a schema change: see SCHEMA_VERSION in ./version.ts.
 */
export function articleExtensions(): Extensions {
  return suggestionArticleExtensions();
}
