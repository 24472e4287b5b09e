import { Extension } from '@tiptap/core';

/** Block nodes that are suggested as a whole: inserted or deleted with their `suggestion` attribute. */
export const BLOCK_SUGGESTION_TYPES: readonly string[] = ['figure', 'relatedLink', 'horizontalRule'];

/**
 * The `suggestion` attribute (`BlockSuggestionAttrs | null`) on figures, READ MORE links and
 * horizontal rules. It is not rendered into the HTML: the editor draws it with decorations
 * (SuggestingMode), and exports read `withoutSuggestions`, which drops it.
 */
export const BlockSuggestion = Extension.create({
  name: 'blockSuggestion',

  addGlobalAttributes() {
    return [
      {
        types: [...BLOCK_SUGGESTION_TYPES],
        attributes: {
          suggestion: { default: null, rendered: false, keepOnSplit: false, parseHTML: () => null },
        },
      },
    ];
  },
});
