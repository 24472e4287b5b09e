import { Modal } from '../components/Modal.tsx';
import { unpublishStory } from './publishApi.ts';
import { useDialogSubmit } from '../hooks/useDialogSubmit.ts';

/** Confirms taking a story off the public site; its publications stay on record. */
export function UnpublishDialog({ articleId, path, onDone, onCancel }: {
  articleId: string;
  /** The story's public address. */
  path: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { busy, error, run } = useDialogSubmit();

  function unpublish(): Promise<void> {
    return run(async () => {
      await unpublishStory(articleId);
      onDone();
    });
  }

  return (
    <Modal
      title="Unpublish"
      submitLabel={busy ? 'Unpublishing…' : 'Unpublish'}
      submitDisabled={busy}
      onSubmit={() => void unpublish()}
      onCancel={onCancel}
      error={error}
    >
      <p className="modal-lead">
        The page at <code>{path}</code> will answer “410 Gone” at once, and the story leaves the front page and the feed.
        Its publications stay on record; publishing again brings it back.
      </p>
    </Modal>
  );
}
