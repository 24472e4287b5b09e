import type { ArticleStatus } from '../../../shared/api.ts';
import { STATUS_LABELS } from '../../../shared/workflow.ts';

/** A story's workflow state as a small colored badge. */
export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}
