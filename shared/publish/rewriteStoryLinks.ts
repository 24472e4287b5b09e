import type { JSONContent } from '@tiptap/core';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { parseStoryLink, type StoryRef } from './storyLink.ts';

/**
 * A copy of `article` whose READ MORE blocks and links to Copydesk stories point to those stories'
 * public pages: the editor's `/stories/<id>` means nothing to a reader. `publicUrl` returns the
 * page's address, or null to leave the link as it is.
 */
export function rewriteStoryLinks(
  article: ArticleJson,
  publicUrl: (ref: StoryRef) => string | null,
  ownOrigins: readonly string[] = [],
): ArticleJson {
  const rewrite = (href: unknown): unknown => {
    if (typeof href !== 'string') return href;
    const ref = parseStoryLink(href, ownOrigins);
    return (ref && publicUrl(ref)) ?? href;
  };
  const visit = (node: JSONContent): JSONContent => {
    const copy: JSONContent = { ...node };
    if (node.type === 'relatedLink' && node.attrs) copy.attrs = { ...node.attrs, href: rewrite(node.attrs.href) };
    if (node.marks) {
      copy.marks = node.marks.map((mark) =>
        mark.type === 'link' && mark.attrs ? { ...mark, attrs: { ...mark.attrs, href: rewrite(mark.attrs.href) } } : mark,
      );
    }
    if (node.content) copy.content = node.content.map(visit);
    return copy;
  };
  return { meta: article.meta, doc: visit(article.doc) };
}
