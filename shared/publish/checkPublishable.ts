import type { Node as PMNode } from '@tiptap/pm/model';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { articleNode } from '../article/articleNode.ts';
import { safeUrl } from '../export/safeUrl.ts';
import { parseStoryLink, type StoryRef } from './storyLink.ts';

/** Why a story may not be published yet. Stable: the client may switch on these. */
export type PublishProblemId =
  | 'invalid_document'
  | 'headline_empty'
  | 'figure_missing_image'
  | 'figure_missing_alt'
  | 'figure_missing_credit'
  | 'read_more_empty'
  | 'read_more_unsafe'
  | 'read_more_unpublished'
  | 'read_more_unknown_story'
  | 'suggestions_pending';

/** One reason the story cannot be published, with the top-level block it is in (-1: the story as a whole). */
export interface PublishProblem {
  id: PublishProblemId;
  message: string;
  blockIndex: number;
}

/** Whether a linked Copydesk story is live on the public site right now. */
export type LinkedStoryState = 'published' | 'unpublished' | 'missing';

/** What `publishProblems` needs to know about the rest of the newsroom. */
export interface PublishContext {
  /** The state of the story a READ MORE block points to. */
  storyStatus(ref: StoryRef): LinkedStoryState;
  /** Origins whose absolute URLs are Copydesk story links too (the public site's). */
  ownOrigins?: readonly string[];
  /** The headline of the story a READ MORE block points to, to name it by (none: named by its link). */
  storyHeadline?(ref: StoryRef): string | null;
  /** Suggestions still waiting for a decision (the review issue); publishing waits for them. */
  pendingSuggestions?: number;
}

function textOf(node: PMNode): string {
  return node.textBetween(0, node.content.size, ' ', ' ').trim();
}

function describe(ref: StoryRef, context: PublishContext): string {
  const headline = context.storyHeadline?.(ref)?.trim();
  if (headline) return `the story "${headline.slice(0, 80)}"`;
  return ref.kind === 'id' ? `story ${JSON.stringify(ref.id)}` : `story /site/${ref.section}/${ref.slug}`;
}

/**
 * Everything that stops `article` from being published, in document order; empty when it may go
 * out. Figures need an image, alt text and a credit; READ MORE blocks need a safe link, and a link
 * to a Copydesk story needs that story to be published.
 */
export function publishProblems(article: ArticleJson, context: PublishContext): PublishProblem[] {
  let doc: PMNode;
  try {
    doc = articleNode(article?.doc);
  } catch (error) {
    return [{ id: 'invalid_document', message: `The story does not fit the article schema: ${(error as Error).message}`, blockIndex: -1 }];
  }
  const problems: PublishProblem[] = [];
  if (textOf(doc.child(0)) === '') problems.push({ id: 'headline_empty', message: 'The story needs a headline.', blockIndex: 0 });

  const check = (node: PMNode, blockIndex: number): void => {
    if (node.type.name === 'figure') {
      const caption = textOf(node);
      const which = caption ? `The figure "${caption.slice(0, 60)}"` : `The figure in block ${blockIndex + 1}`;
      if (safeUrl(node.attrs.src) === null) problems.push({ id: 'figure_missing_image', message: `${which} has no usable image address.`, blockIndex });
      if (String(node.attrs.alt ?? '').trim() === '') problems.push({ id: 'figure_missing_alt', message: `${which} needs alt text.`, blockIndex });
      if (String(node.attrs.credit ?? '').trim() === '') problems.push({ id: 'figure_missing_credit', message: `${which} needs a credit.`, blockIndex });
      return;
    }
    if (node.type.name !== 'relatedLink') return;
    const label = textOf(node);
    const which = label ? `READ MORE "${label.slice(0, 60)}"` : `The READ MORE block ${blockIndex + 1}`;
    const href = String(node.attrs.href ?? '').trim();
    if (href === '') {
      problems.push({ id: 'read_more_empty', message: `${which} has no link.`, blockIndex });
      return;
    }
    if (safeUrl(href) === null) {
      problems.push({ id: 'read_more_unsafe', message: `${which} links to an address that cannot be published.`, blockIndex });
      return;
    }
    const ref = parseStoryLink(href, context.ownOrigins);
    if (ref === null) return;
    const state = context.storyStatus(ref);
    if (state === 'missing') {
      problems.push({ id: 'read_more_unknown_story', message: `${which} points to ${describe(ref, context)}, which does not exist.`, blockIndex });
    } else if (state === 'unpublished') {
      problems.push({ id: 'read_more_unpublished', message: `${which} points to ${describe(ref, context)}, which is not published.`, blockIndex });
    }
  };
  doc.forEach((block, _offset, index) => {
    check(block, index);
    block.descendants((node) => {
      check(node, index);
      return node.type.name !== 'figure' && node.type.name !== 'relatedLink';
    });
  });

  const pending = context.pendingSuggestions ?? 0;
  if (pending > 0) {
    problems.push({
      id: 'suggestions_pending',
      message: `${pending} suggestion${pending === 1 ? ' is' : 's are'} still waiting for a decision.`,
      blockIndex: -1,
    });
  }
  return problems;
}
