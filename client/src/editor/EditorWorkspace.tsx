import { wordCountLabel } from '../../../shared/article/storyWordCount.ts';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Editor, Extensions } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import type { Presence } from '../../../shared/api.ts';
import { AuthorshipLegend } from '../authorship/AuthorshipLegend.tsx';
import { useAuthorship } from '../authorship/useAuthorship.ts';
import type { CollabSession } from '../collab/CollabSession.ts';
import { editorExtensions } from './editorExtensions.ts';
import { FigureDialog } from './FigureDialog.tsx';
import { LinkDialog } from './LinkDialog.tsx';
import { MetaPanel } from './MetaPanel.tsx';
import { RelatedLinkDialog } from './RelatedLinkDialog.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { Toolbar, type ToolbarDialog } from './Toolbar.tsx';
import { useShortcutsKey } from './useShortcutsKey.ts';
import { useWordCount } from './useWordCount.ts';

/**
 * The story editor bound to a session whose document is ready: toolbar, the page being
 * written, the story details beside it. Mounted only after the first sync, so the editor
 * never renders (or writes) a document the server has not provided. With `editable` false the
 * story and its details are shown but cannot be changed (the server would drop the changes anyway).
 */
export function EditorWorkspace({ session, identity, articleId, editable, side, review }: {
  session: CollabSession;
  identity: Presence;
  articleId: string;
  editable: boolean;
  /** More panels beside the story, under its details. */
  side?: ReactNode;
  /** Review tools: editor extensions (read when the editor is created) and the parts that need the editor. */
  review?: {
    extensions: Extensions;
    tools: (editor: Editor) => ReactNode;
    limits: (editor: Editor) => ReactNode;
    side: (editor: Editor) => ReactNode;
  };
}) {
  const [dialog, setDialog] = useState<ToolbarDialog | null>(null);
  const openLink = useRef(() => setDialog('link'));
  useShortcutsKey(editable, useCallback(() => setDialog('shortcuts'), []));

  const editor = useEditor(
    {
      extensions: editorExtensions(session, identity, () => openLink.current(), review?.extensions),
      editorProps: {
        attributes: {
          class: 'article-body',
          'aria-label': 'Story text',
          spellcheck: 'true',
        },
      },
      editable,
      // Its base CSS comes from styles/tiptap.css: an injected <style> element would break the app's CSP.
      injectCSS: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
    },
    [session],
  );
  const wordCount = useWordCount(editor, session.doc);
  const [authorshipOn, setAuthorshipOn] = useState(false);
  const toggleAuthorship = useCallback(() => setAuthorshipOn((on) => !on), []);
  const authorship = useAuthorship(editor, articleId, authorshipOn);

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
    if (!editable) setDialog(null);
  }, [editor, editable]);

  return (
    <div className="workspace">
      <div className="workspace-main">
        <div className="toolbar-row">
          {editor && editable ? <Toolbar editor={editor} onOpen={setDialog} authorship={{ on: authorshipOn, toggle: toggleAuthorship }} /> : null}
          {editor && !editable ? (
            <button type="button" className={`tool${authorshipOn ? ' is-active' : ''}`} aria-pressed={authorshipOn} onClick={toggleAuthorship}>
              Authorship
            </button>
          ) : null}
          {editor && review ? review.tools(editor) : null}
          <p className="word-count" aria-live="off">
            {wordCount === null ? '' : wordCountLabel(wordCount)}
          </p>
        </div>
        {editor && review ? review.limits(editor) : null}
        {authorshipOn ? <AuthorshipLegend authors={authorship.authors} error={authorship.error} /> : null}
        <article className="sheet">
          <EditorContent editor={editor} />
        </article>
      </div>
      <aside className="workspace-side">
        {editor && review ? review.side(editor) : null}
        <MetaPanel doc={session.doc} readOnly={!editable} />
        {side}
      </aside>
      {editor && dialog === 'link' ? <LinkDialog editor={editor} onClose={() => setDialog(null)} /> : null}
      {editor && dialog === 'figure' ? <FigureDialog editor={editor} onClose={() => setDialog(null)} /> : null}
      {dialog === 'shortcuts' ? <ShortcutsDialog onClose={() => setDialog(null)} /> : null}
      {editor && dialog === 'relatedLink' ? (
        <RelatedLinkDialog editor={editor} currentId={articleId} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}
