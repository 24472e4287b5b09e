import type { ArticleStatus } from '../../../shared/api.ts';

const LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  published: 'Published',
};

/** A story's workflow state as a small colored badge. */
export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`badge badge-${status}`}>{LABELS[status] ?? status}</span>;
}
