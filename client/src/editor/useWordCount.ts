import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { readMeta } from '../../../shared/article/meta.ts';
import { summarize } from '../../../shared/article/summarize.ts';

const DEBOUNCE_MS = 250;

/** The story's word count (storyWordCount: the body copy), counted exactly as the server counts it, kept live while typing. */
export function useWordCount(editor: Editor | null, doc: Y.Doc): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const recount = () => {
      timer = null;
      if (!editor.isDestroyed) setCount(summarize({ meta: readMeta(doc), doc: editor.getJSON() }).wordCount);
    };
    const schedule = () => {
      if (!timer) timer = setTimeout(recount, DEBOUNCE_MS);
    };
    recount();
    editor.on('update', schedule);
    return () => {
      editor.off('update', schedule);
      if (timer) clearTimeout(timer);
    };
  }, [editor, doc]);
  return count;
}
