import type { ExportFormat } from '../../shared/api.ts';
import { slugify } from '../../shared/article/slugify.ts';

const EXTENSIONS: Record<ExportFormat, string> = {
  html: 'html',
  ninjs: 'ninjs.json',
  md: 'md',
  json: 'json',
  text: 'txt',
};

/**
 * The download name of an export: the story's slug (else its headline's, else "story") made of
 * lowercase ASCII letters, digits and dashes only, plus the format's extension
 * (`harbour-closes.md`, `harbour-closes.ninjs.json`). Nothing in it needs quoting in a header.
 */
export function exportFileName(slug: string, headline: string, format: ExportFormat): string {
  const base = slugify(slug) || slugify(headline) || 'story';
  return `${base}.${EXTENSIONS[format]}`;
}

/** The Content-Disposition header that saves an export under `exportFileName`. */
export function exportDisposition(slug: string, headline: string, format: ExportFormat): string {
  return `attachment; filename="${exportFileName(slug, headline, format)}"`;
}
