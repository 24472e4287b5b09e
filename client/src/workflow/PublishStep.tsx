import { useEffect, useState } from 'react';
import type { Article } from '../../../shared/api.ts';
import { getArticle } from '../api.ts';
import { getPublishing } from '../publish/publishApi.ts';
import { PublishDialog } from '../publish/PublishDialog.tsx';
import { scrollToBlock } from '../publish/scrollToBlock.ts';

/**
 * The workflow's Publish step: never a blind transition, always the preview of the exact page
 * first (PublishDialog), published from there; then the story is read again with its new status.
 */
export function PublishStep({ article, onDone, onCancel }: {
  article: Article;
  onDone: (article: Article) => void;
  onCancel: () => void;
}) {
  // Whether an earlier publication exists decides if this one is an update that may carry a correction.
  const [republish, setRepublish] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    getPublishing(article.id).then(
      (state) => live && setRepublish(state.publications.length > 0),
      () => live && setRepublish(false),
    );
    return () => {
      live = false;
    };
  }, [article.id]);

  if (republish === null) return null;
  return (
    <PublishDialog
      articleId={article.id}
      mayPublish={article.status === 'approved' || article.status === 'published'}
      republish={republish}
      onPublished={() => {
        void getArticle(article.id).then(onDone, onCancel);
      }}
      onShowBlock={(blockIndex) => scrollToBlock(blockIndex)}
      onClose={onCancel}
    />
  );
}
