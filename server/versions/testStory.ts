import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import { DOC_FIELD, META_MAP } from '../../shared/collab/docFields.ts';
import { articleSchema } from '../../shared/editor/schema.ts';

/** A plain story for tests: a headline, an empty standfirst and one paragraph per string. */
export function storyJson(headline: string, paragraphs: readonly string[], meta: Partial<ArticleJson['meta']> = {}): ArticleJson {
  const text = (value: string): JSONContent[] => (value ? [{ type: 'text', text: value }] : []);
  return {
    meta: { byline: '', slug: 'story', section: '', tags: [], ...meta },
    doc: {
      type: 'doc',
      content: [
        { type: 'headline', content: text(headline) },
        { type: 'standfirst' },
        ...paragraphs.map((value) => ({ type: 'paragraph', content: text(value) })),
      ],
    },
  };
}

/** A fresh Y.Doc holding `article`, written the way the server seeds a new story. */
export function storyDoc(article: ArticleJson): Y.Doc {
  const ydoc = new Y.Doc();
  ydoc.transact(() => {
    prosemirrorJSONToYXmlFragment(articleSchema, article.doc, ydoc.getXmlFragment(DOC_FIELD));
    const meta = ydoc.getMap(META_MAP);
    meta.set('byline', article.meta.byline);
    meta.set('slug', article.meta.slug);
    meta.set('section', article.meta.section);
    meta.set('tags', Y.Array.from(article.meta.tags));
  });
  return ydoc;
}

/** The text of every block of the story's fragment, in order (headline first). */
export function blockTexts(ydoc: Y.Doc): string[] {
  return ydoc
    .getXmlFragment(DOC_FIELD)
    .toArray()
    .map((block) => (block instanceof Y.XmlElement ? block.toArray().map(textOf).join('') : ''));
}

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return node.toString().replace(/<[^>]*>/g, '');
  if (node instanceof Y.XmlElement) return node.toArray().map(textOf).join('');
  return '';
}
