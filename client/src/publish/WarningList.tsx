import type { PublishWarning } from '../../../shared/publish/publishWarnings.ts';

/** What the desk usually wants before publishing (a section, a byline); publishing may still go ahead. */
export function WarningList({ warnings }: { warnings: readonly PublishWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="publish-warnings" role="status" aria-label="Warnings">
      <p className="publish-problems-title">Before publishing, check:</p>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.id}>{warning.message}</li>
        ))}
      </ul>
    </div>
  );
}
