import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Editor, Extensions } from '@tiptap/core';
import type { PublicUser } from '../../../shared/accounts.ts';
import type { Article } from '../../../shared/api.ts';
import { describeChangesUndone } from '../../../shared/collab/changesRefused.ts';
import { SuggestingMode, type SuggestionAuthor } from '../../../shared/editor/suggestions/index.ts';
import type { CommentThread } from '../../../shared/review/listThreads.ts';
import { isEditorial } from '../../../shared/roles.ts';
import type { CollabSession, CollabSnapshot } from '../collab/CollabSession.ts';
import { HistoryPanel } from '../history/HistoryPanel.tsx';
import { CommentHighlights } from './CommentHighlights.ts';
import { CommentsPanel, type CommentDraft } from './CommentsPanel.tsx';
import { DeskLimitsBar } from './DeskLimitsBar.tsx';
import { reviewFieldsOf, suggestingRequired } from './reviewSettings.ts';
import { ReviewSettingsPanel } from './ReviewSettingsPanel.tsx';
import { ReviewTools } from './ReviewTools.tsx';
import { readSuggestingPreference, writeSuggestingPreference } from './suggestingPreference.ts';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';
import { watchThreads } from './watchThreads.ts';

/** What the story page hands the editor workspace for reviewing: extensions and the parts that need the editor. */
export interface ReviewParts {
  /** Created once per session (they read the current story and user through refs). */
  extensions: Extensions;
  /** Comment button and the editing/suggesting switch, beside the formatting toolbar. */
  tools: (editor: Editor) => ReactNode;
  /** Desk limit counters under the toolbar. */
  limits: (editor: Editor) => ReactNode;
  /** Comments, suggestions, review settings and history, beside the story. */
  side: (editor: Editor) => ReactNode;
}

/**
 * Comments, suggesting mode, review settings, desk limits and version history for one open
 * story. `article` and `session` may be null while the story loads.
 */
export function useReview({ articleId, session, undone, article, user, names, onArticle }: {
  articleId: string;
  session: CollabSession | null;
  /** The last edit of this user's the server undid (CollabSnapshot.undone): said in the notice. */
  undone: CollabSnapshot['undone'];
  article: Article | null;
  user: PublicUser;
  names: ReadonlyMap<string, string>;
  onArticle: (article: Article) => void;
}): ReviewParts {
  const [threads, setThreads] = useState<CommentThread[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  // A new object each time it is said, so the notice stays for 6 s after the latest, not the first.
  const [notice, setNoticeState] = useState<{ text: string } | null>(null);
  const setNotice = useCallback((text: string) => setNoticeState({ text }), []);

  const required = article ? suggestingRequired(article, user.role) : false;
  const requiredRef = useRef(required);
  requiredRef.current = required;
  const authorRef = useRef<SuggestionAuthor>({ id: user.username, name: user.displayName, color: user.color });
  authorRef.current = { id: user.username, name: user.displayName, color: user.color };

  useEffect(() => {
    if (!session) return;
    return watchThreads(session.doc, setThreads);
  }, [session]);

  useEffect(() => {
    if (undone) setNotice(describeChangesUndone(undone.reason));
  }, [undone]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNoticeState(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  const extensions = useMemo<Extensions>(
    () =>
      session
        ? [
            SuggestingMode.configure({
              enabled: readSuggestingPreference(articleId),
              required: () => requiredRef.current,
              author: () => authorRef.current,
              onRefused: (reason) => setNotice(reason),
            }),
            CommentHighlights.configure({ onActivate: (id) => setActiveId(id) }),
          ]
        : [],
    [session, articleId],
  );

  const startComment = useCallback((editor: Editor) => {
    const { from, to, empty } = editor.state.selection;
    const quote = editor.state.doc.textBetween(from, to, ' ').trim();
    if (empty || quote === '') {
      setNotice('Select some words in the story to comment on them.');
      return;
    }
    setDraft({ from, to, quote });
  }, []);

  const canWrite = article?.canEdit ?? false;
  const commentHandlers = useRef(new WeakMap<Editor, () => void>());
  const commentFor = (editor: Editor) => {
    let handler = commentHandlers.current.get(editor);
    if (!handler) {
      handler = () => startComment(editor);
      commentHandlers.current.set(editor, handler);
    }
    return handler;
  };

  return {
    extensions,
    tools: (editor) => (
      <>
        <ReviewTools
          editor={editor}
          canSuggest={canWrite}
          required={required}
          onComment={commentFor(editor)}
          onSuggestingChange={(on) => {
            if (editor.commands.setSuggesting(on)) writeSuggestingPreference(articleId, on);
          }}
        />
        {notice ? (
          <p className="review-notice" aria-live="polite">
            {notice.text}
          </p>
        ) : null}
      </>
    ),
    limits: (editor) =>
      session ? <DeskLimitsBar editor={editor} doc={session.doc} assignedWords={article ? reviewFieldsOf(article).assignedWords : null} /> : null,
    side: (editor) => (
      <>
        <CommentsPanel
          articleId={articleId}
          editor={editor}
          threads={threads}
          activeId={activeId}
          me={user.username}
          draft={draft}
          onActivate={setActiveId}
          onDraftDone={() => setDraft(null)}
        />
        <SuggestionsPanel editor={editor} canResolve={canWrite} />
        {article && isEditorial(user.role) ? <ReviewSettingsPanel article={article} onChanged={onArticle} /> : null}
        <HistoryPanel articleId={articleId} canWrite={canWrite} names={names} />
      </>
    ),
  };
}
