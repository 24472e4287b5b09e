import { useState, type ReactNode } from 'react';
import type { AllowedTransition, Article } from '../../../shared/api.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { PublishStep } from './PublishStep.tsx';
import { TransitionDialog } from './TransitionDialog.tsx';

/**
 * The story's status and the workflow steps the signed-in user may take from it (and only those).
 * Publishing opens the preview of the exact page; the other steps ask for their note.
 */
export function WorkflowBar({ article, onChanged, children }: {
  article: Article;
  onChanged: (article: Article) => void;
  children?: ReactNode;
}) {
  const [pending, setPending] = useState<AllowedTransition | null>(null);
  return (
    <section className="workflow-bar" aria-label="Workflow">
      <span className="workflow-status">
        Status <StatusBadge status={article.status} />
      </span>
      <div className="workflow-actions">
        {article.allowedTransitions.map((transition) => (
          <button
            key={`${transition.action}-${transition.to}`}
            type="button"
            className={`button ${transition.action === 'send_back' || transition.action === 'reopen' ? 'button-quiet' : 'button-primary'}`}
            onClick={() => setPending(transition)}
          >
            {transition.label}
          </button>
        ))}
        {children}
      </div>
      {pending?.action === 'publish' ? (
        <PublishStep
          article={article}
          onCancel={() => setPending(null)}
          onDone={(next) => {
            setPending(null);
            onChanged(next);
          }}
        />
      ) : pending ? (
        <TransitionDialog
          articleId={article.id}
          transition={pending}
          onCancel={() => setPending(null)}
          onDone={(next) => {
            setPending(null);
            onChanged(next);
          }}
        />
      ) : null}
    </section>
  );
}
