import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { ArticleMeta } from '../../../shared/collab/docFields.ts';
import { observeMeta, readMeta } from '../../../shared/article/meta.ts';

/** The story's meta fields, live: local and remote edits both re-render. */
export function useMeta(doc: Y.Doc): ArticleMeta {
  const [meta, setMeta] = useState<ArticleMeta>(() => readMeta(doc));
  useEffect(() => {
    setMeta(readMeta(doc));
    return observeMeta(doc, setMeta);
  }, [doc]);
  return meta;
}
