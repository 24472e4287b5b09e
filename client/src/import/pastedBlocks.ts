import type { JSONContent } from '@tiptap/core';
import type { HtmlParser } from '../../../shared/import/HtmlParser.ts';
import { type HtmlFindings, htmlBlocks } from '../../../shared/import/htmlBlocks.ts';

// ProseMirror marks what it copies itself; its own parser keeps such a slice exactly.
const PROSEMIRROR_SLICE = /<[^>]+\sdata-pm-slice=/i;

/**
 * The story blocks of HTML pasted from elsewhere (Word, Google Docs, a web page), read by the
 * same importer as `POST /api/articles/import`: headings, lists, links, quotes and figures kept;
 * scripts, event attributes, styles and unsafe URLs dropped. Text the importer would lift out of
 * a whole page (a standfirst or byline element) stays in the paste as paragraphs, and a level-1
 * heading becomes a subheading: a paste never replaces the story's own headline.
 * Null when the editor's default paste should handle it: copied from a Copydesk editor, or empty.
 */
export function pastedBlocks(html: string, parser: HtmlParser): JSONContent[] | null {
  if (html.trim() === '' || PROSEMIRROR_SLICE.test(html)) return null;
  const root = parser.parseFromString(html, 'text/html').documentElement;
  if (!root) return null;
  const findings: HtmlFindings = { tags: [] };
  const blocks = htmlBlocks([root], findings);
  const lifted = [findings.standfirst, findings.byline]
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '')
    .map((text): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
  const all = [...lifted, ...blocks].map((block) =>
    block.type === 'heading' && block.attrs?.level === 1 ? { ...block, attrs: { ...block.attrs, level: 2 } } : block,
  );
  return all.length > 0 ? all : null;
}
