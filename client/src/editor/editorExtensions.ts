import { Extension, type Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { articleExtensions } from '../../../shared/editor/extensions.ts';
import { DOC_FIELD } from '../../../shared/collab/docFields.ts';
import type { CollabSession } from '../collab/CollabSession.ts';
import type { Presence } from '../../../shared/api.ts';
import { AuthorshipHighlight } from '../authorship/AuthorshipHighlight.ts';
import { RichPaste } from '../import/RichPaste.ts';
import { DeskHints } from './DeskHints.ts';

/** Hints shown in empty nodes; a figure's hint shows in its caption. */
const PLACEHOLDERS: Record<string, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst: the story in a sentence or two',
  paragraph: 'Write the story…',
  heading: 'Subheading',
  figure: 'Type a caption',
};

/**
 * The article schema plus what only the browser needs: collaboration, carets, placeholders, Mod-K,
 * the desk's hints (unlinked READ MORE, stray captions).
 * `review` (suggesting mode, comment highlights) goes right after the schema, before collaboration.
 */
export function editorExtensions(session: CollabSession, identity: Presence, onLinkShortcut: () => void, review: Extensions = []): Extensions {
  return [
    ...articleExtensions(),
    ...review,
    Collaboration.configure({ document: session.doc, field: DOC_FIELD }),
    CollaborationCaret.configure({
      provider: session.provider,
      user: { name: identity.name, color: identity.color },
    }),
    Placeholder.configure({
      showOnlyCurrent: false,
      includeChildren: true,
      // Which empty paragraphs show their hint is decided in CSS (the only body block, or the current one).
      emptyNodeClass: ({ hasAnchor }) => (hasAnchor ? 'is-empty is-current' : 'is-empty'),
      placeholder: ({ node }) => PLACEHOLDERS[node.type.name] ?? '',
    }),
    RichPaste,
    DeskHints,
    AuthorshipHighlight,
    Extension.create({
      name: 'linkShortcut',
      addKeyboardShortcuts: () => ({
        'Mod-k': () => {
          onLinkShortcut();
          return true;
        },
      }),
    }),
  ];
}
