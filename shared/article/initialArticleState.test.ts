import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_FIELD, META_MAP } from '../collab/docFields.ts';
import { articleSchema } from '../editor/schema.ts';
import { initialArticleState } from './initialArticleState.ts';
import { readArticle } from './readArticle.ts';

function load(update: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, update);
  return ydoc;
}

describe('initialArticleState', () => {
  it('holds a headline, an empty standfirst and one empty paragraph', () => {
    const article = readArticle(load(initialArticleState('  North Korea sees\nmass exodus  ')));
    expect(article.doc).toEqual({
      type: 'doc',
      content: [
        { type: 'headline', content: [{ type: 'text', text: 'North Korea sees mass exodus' }] },
        { type: 'standfirst' },
        { type: 'paragraph' },
      ],
    });
    expect(() => PMNode.fromJSON(articleSchema, article.doc).check()).not.toThrow();
  });

  it('writes the meta map with a slug from the headline and an empty tags Y.Array', () => {
    const ydoc = load(initialArticleState('Café owners’ COVID-19 woes!'));
    const meta = ydoc.getMap(META_MAP);
    expect(meta.get('tags')).toBeInstanceOf(Y.Array);
    expect(readArticle(ydoc).meta).toEqual({ byline: '', slug: 'cafe-owners-covid-19-woes', section: '', tags: [] });
  });

  it('accepts an empty headline', () => {
    const article = readArticle(load(initialArticleState('   ')));
    expect(article.doc.content?.[0]).toEqual({ type: 'headline' });
    expect(article.meta.slug).toBe('');
  });

  it('syncs into an empty Y.Doc that only states the field names', () => {
    const ydoc = new Y.Doc();
    ydoc.getXmlFragment(DOC_FIELD);
    ydoc.getMap(META_MAP);
    Y.applyUpdate(ydoc, initialArticleState('Hello'));
    expect(readArticle(ydoc).doc.content).toHaveLength(3);
  });

  it('reading never writes to the document', () => {
    // readArticle must not write: a reader that repaired the document would change the story.
    const ydoc = load(initialArticleState('Hello'));
    const before = Y.encodeStateVector(ydoc);
    readArticle(ydoc);
    expect(Y.encodeStateVector(ydoc)).toEqual(before);
  });
});
