import type { Article } from '../../../shared/api.ts';
import { deleteArticle, spikeArticle } from '../api.ts';
import { Modal } from '../components/Modal.tsx';
import { useDialogSubmit } from '../hooks/useDialogSubmit.ts';

/** Confirms spiking a story, or (`deleting`) deleting a spiked story for good. */
export function SpikeDialog({ article, deleting, onSpiked, onDeleted, onCancel }: {
  article: Article;
  deleting: boolean;
  onSpiked: (article: Article) => void;
  onDeleted: () => void;
  onCancel: () => void;
}) {
  const { busy, error, run } = useDialogSubmit();
  const headline = article.headline || 'Untitled story';

  function submit(): Promise<void> {
    return run(async () => {
      if (deleting) {
        await deleteArticle(article.id);
        onDeleted();
      } else {
        onSpiked(await spikeArticle(article.id));
      }
    });
  }

  return (
    <Modal
      title={deleting ? 'Delete this story for good?' : 'Spike this story?'}
      submitLabel={busy ? (deleting ? 'Deleting…' : 'Spiking…') : deleting ? 'Delete for good' : 'Spike'}
      submitDisabled={busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      error={error}
    >
      {deleting ? (
        <p>
          “{headline}” goes for good: its text, comments, versions and activity. What was published of it stays on record. This cannot be undone.
        </p>
      ) : (
        <p>
          “{headline}” leaves the story list (it is listed under Spiked) and nobody can change it until it is restored. A scheduled publication is
          cancelled.
        </p>
      )}
    </Modal>
  );
}
