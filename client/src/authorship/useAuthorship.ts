import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { DecorationSet } from '@tiptap/pm/view';
import type { StoryAuthor, StoryAuthorship } from '../../../shared/authorship.ts';
import { request } from '../api.ts';
import { authorshipDecorations } from './authorshipDecorations.ts';
import { authorshipKey } from './AuthorshipHighlight.ts';

/** How long typing must pause before the colours are asked for again. */
const REFRESH_AFTER_MS = 800;

/** GET /api/articles/:id/authorship. */
export function getAuthorship(articleId: string): Promise<StoryAuthorship> {
  return request<StoryAuthorship>(`/api/articles/${encodeURIComponent(articleId)}/authorship`);
}

/**
 * While `on`, colours the story by author (asked of the server, again after each pause in
 * anyone's typing) and returns the authors for the legend; off, clears the colours.
 */
export function useAuthorship(editor: Editor | null, articleId: string, on: boolean): { authors: StoryAuthor[]; error: string | null } {
  const [authors, setAuthors] = useState<StoryAuthor[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!editor || !on) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async () => {
      try {
        const view = await getAuthorship(articleId);
        if (cancelled || editor.isDestroyed) return;
        editor.view.dispatch(editor.state.tr.setMeta(authorshipKey, authorshipDecorations(editor.state.doc, view)).setMeta('addToHistory', false));
        setAuthors(view.authors);
        setError(null);
      } catch (caught) {
        if (!cancelled) setError(caught instanceof Error ? caught.message : String(caught));
      }
    };
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void load(), REFRESH_AFTER_MS);
    };
    void load();
    editor.on('transaction', onUpdate);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      editor.off('transaction', onUpdate);
      if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(authorshipKey, DecorationSet.empty).setMeta('addToHistory', false));
      setAuthors([]);
    };
  }, [editor, articleId, on]);

  return { authors, error };
}
