import type { Extensions } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { safeUrl } from '../export/safeUrl.ts';
import { HEADING_LEVELS } from './headingLevels.ts';
import { ArticleDocument } from './nodes/ArticleDocument.ts';
import { Figure } from './nodes/Figure.ts';
import { Headline } from './nodes/Headline.ts';
import { RelatedLink } from './nodes/RelatedLink.ts';
import { Standfirst } from './nodes/Standfirst.ts';
import { ProtectedBlocks } from './ProtectedBlocks.ts';

/**
 * The article schema without suggestion mode: the shape of a story once every pending suggestion
 * is decided (what exports and the public site read). Editors and the server use
 * `articleExtensions()`, which adds the suggestion marks and attribute on top of this list.
 */
export function plainArticleExtensions(): Extensions {
  return [
    StarterKit.configure({
      document: false,
      undoRedo: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      // Each collaborator would append its own trailing paragraph; figure insertion adds one instead.
      trailingNode: false,
      heading: { levels: [...HEADING_LEVELS] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => safeUrl(url) !== null,
        HTMLAttributes: { rel: 'noopener noreferrer', target: null },
      },
    }),
    ArticleDocument,
    Headline,
    Standfirst,
    Figure,
    RelatedLink,
    ProtectedBlocks,
  ];
}
