import type { ExportFormat } from '../../../shared/api.ts';
import { exportUrl } from '../api.ts';

const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string }> = [
  { format: 'html', label: 'HTML page' },
  { format: 'ninjs', label: 'ninjs (IPTC)' },
  { format: 'md', label: 'Markdown' },
  { format: 'json', label: 'JSON' },
  { format: 'text', label: 'Plain text' },
];

/** Downloads of the story in every export format (pending suggestions left out by the server). */
export function ExportMenu({ articleId }: { articleId: string }) {
  return (
    <details className="menu">
      <summary className="button button-quiet">Export</summary>
      <div className="menu-items">
        {FORMATS.map(({ format, label }) => (
          <a key={format} href={exportUrl(articleId, format)} target="_blank" rel="noopener">
            {label}
          </a>
        ))}
      </div>
    </details>
  );
}
