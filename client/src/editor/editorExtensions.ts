import { Extension, type Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { articleExtensions } from '../../../shared/editor/extensions.ts';
import { DOC_FIELD } from '../../../shared/collab/docFields.ts';
import type { CollabSession } from '../collab/CollabSession.ts';
import type { Identity } from '../user/identity.ts';

/** Index of the first body block in the document: after the headline and the standfirst. */
const FIRST_BODY_INDEX = 2;

/** The article schema plus what only the browser needs: collaboration, carets, placeholders, Mod-K. */
export function editorExtensions(session: CollabSession, identity: Identity, onLinkShortcut: () => void): Extensions {
  return [
    ...articleExtensions(),
    Collaboration.configure({ document: session.doc, field: DOC_FIELD }),
    CollaborationCaret.configure({
      provider: session.provider,
      user: { name: identity.name, color: identity.color },
    }),
    Placeholder.configure({
      showOnlyCurrent: false,
      includeChildren: true,
      placeholder: ({ editor, node, pos }) => {
        switch (node.type.name) {
          case 'headline':
            return 'Headline';
          case 'standfirst':
            return 'Standfirst: the story in a sentence or two';
          case 'figure':
            return 'Type a caption';
          case 'relatedLink':
            return 'Label';
          case 'paragraph': {
            const doc = editor.state.doc;
            const onlyBody = doc.childCount === FIRST_BODY_INDEX + 1 && doc.child(FIRST_BODY_INDEX) === node;
            return onlyBody && pos > 0 ? 'Write the story…' : '';
          }
          default:
            return '';
        }
      },
    }),
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
