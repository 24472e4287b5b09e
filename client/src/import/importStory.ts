import type { Article } from '../../../shared/api.ts';
import { request } from '../api.ts';

/** What an import reads: plain text (first line the headline) or HTML. */
export type ImportFormat = 'text' | 'html';

/** Creates a story from pasted or uploaded text or HTML; answers the new story. */
export function importStory(format: ImportFormat, content: string): Promise<Article> {
  return request<Article>('/api/articles/import', { method: 'POST', body: JSON.stringify({ format, content }) });
}

/** Guesses the format of pasted or uploaded content: HTML when it starts like markup or the file says so. */
export function guessImportFormat(content: string, fileName?: string): ImportFormat {
  if (fileName) return /\.html?$/i.test(fileName) ? 'html' : 'text';
  return /^\s*(<!doctype html|<html[\s>]|<(body|article|p|h[1-6]|div|figure)[\s>])/i.test(content) ? 'html' : 'text';
}
