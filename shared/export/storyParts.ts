import type { Node as PMNode } from '@tiptap/pm/model';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { exportedArticleNode } from '../article/exportedArticleNode.ts';
import { normalizeMeta } from '../article/normalizeMeta.ts';
import type { ArticleMeta } from '../collab/docFields.ts';
import { storyWordCount } from '../article/storyWordCount.ts';

/** A figure of the story: image, alt text, credit and caption (plain text). */
export interface FigurePart {
  src: string;
  alt: string;
  credit: string;
  caption: string;
}

/** A READ MORE block: where it points (may be empty) and what it says. */
export interface RelatedLinkPart {
  href: string;
  label: string;
}

/** A story split into the pieces exporters need, after schema validation. */
export interface StoryParts {
  doc: PMNode;
  meta: ArticleMeta;
  headline: string;
  standfirst: string;
  /** The body: every block after the headline and the standfirst. */
  body: PMNode[];
  figures: FigurePart[];
  relatedLinks: RelatedLinkPart[];
  /** Plain text of the body, figure captions excluded, blocks separated by newlines. */
  bodyText: string;
  /** The story's word count (`storyWordCount`): body copy, captions and READ MORE links excluded. */
  bodyWordCount: number;
}

/**
 * Validates the story against the article schema (node and mark names, attributes and content
 * expressions) and splits it into parts. Throws RangeError on a document that does not fit.
 */
export function storyParts(article: ArticleJson): StoryParts {
  const doc = exportedArticleNode(article?.doc);
  const headline = inlineText(doc.child(0), ' ');
  const standfirst = inlineText(doc.child(1), ' ');
  const body: PMNode[] = [];
  for (let i = 2; i < doc.childCount; i += 1) body.push(doc.child(i));
  const figures: FigurePart[] = [];
  const relatedLinks: RelatedLinkPart[] = [];
  const bodyLines: string[] = [];
  const visit = (node: PMNode): boolean => {
    if (node.type.name === 'figure') {
      figures.push({
        src: String(node.attrs.src ?? ''),
        alt: String(node.attrs.alt ?? ''),
        credit: String(node.attrs.credit ?? ''),
        caption: inlineText(node, ' '),
      });
      return false;
    }
    if (node.type.name === 'relatedLink') {
      relatedLinks.push({ href: String(node.attrs.href ?? ''), label: inlineText(node, ' ') });
    }
    if (node.isTextblock) {
      bodyLines.push(inlineText(node, ' '));
      return false;
    }
    return true;
  };
  for (const block of body) {
    if (visit(block)) block.descendants(visit);
  }
  const bodyText = bodyLines.join('\n');
  return { doc, meta: normalizeMeta(article.meta), headline, standfirst, body, figures, relatedLinks, bodyText, bodyWordCount: storyWordCount(article) };
}

/** The text of a textblock, with `breakText` where it holds a hard break (or any other inline leaf). */
export function inlineText(node: PMNode, breakText: string): string {
  return node.textBetween(0, node.content.size, breakText, breakText);
}
