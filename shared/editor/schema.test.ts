import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { articleExtensions } from './extensions.ts';
import { articleSchema } from './schema.ts';

const NODE_NAMES = [
  'doc', 'text', 'headline', 'standfirst', 'paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList',
  'listItem', 'horizontalRule', 'hardBreak', 'figure', 'relatedLink',
];

describe('articleSchema', () => {
  it('has exactly the node and mark names other tools rely on', () => {
    expect(Object.keys(articleSchema.nodes).sort()).toEqual([...NODE_NAMES].sort());
    expect(Object.keys(articleSchema.marks).sort()).toEqual(['bold', 'italic', 'link', 'suggestionDelete', 'suggestionFormat', 'suggestionInsert']);
    expect(articleSchema.topNodeType.name).toBe('doc');
    expect(articleSchema.topNodeType.spec.content).toBe('headline standfirst block+');
  });

  it('gives figures src, alt and credit and a caption as content', () => {
    const figure = articleSchema.nodes.figure;
    expect(Object.keys(figure?.spec.attrs ?? {}).sort()).toEqual(['alt', 'credit', 'src', 'suggestion']);
    expect(figure?.contentMatch.matchType(articleSchema.nodes.text!)).toBeTruthy();
    expect(figure?.isBlock).toBe(true);
    expect(Object.keys(articleSchema.nodes.relatedLink?.spec.attrs ?? {}).sort()).toEqual(['href', 'suggestion']);
    expect(Object.keys(articleSchema.marks.link?.spec.attrs ?? {})).toContain('href');
  });

  it('allows only heading levels 2 and 3 to be parsed from HTML', () => {
    // Parsing HTML is the editor's: its schema comes from the extensions (articleSchema has no parseDOM).
    const tags = (getSchema(articleExtensions()).nodes.heading?.spec.parseDOM ?? []).map((rule) => rule.tag);
    expect(tags).toEqual(['h2', 'h3']);
  });

  it('accepts the fixture story', () => {
    expect(() => PMNode.fromJSON(articleSchema, fixtureArticleJson().doc).check()).not.toThrow();
  });

  it('rejects a document without headline, without standfirst or without body', () => {
    const make = (...content: object[]) => () => PMNode.fromJSON(articleSchema, { type: 'doc', content }).check();
    const headline = { type: 'headline' };
    const standfirst = { type: 'standfirst' };
    const paragraph = { type: 'paragraph' };
    expect(make(headline, standfirst, paragraph)).not.toThrow();
    expect(make(standfirst, paragraph)).toThrow(RangeError);
    expect(make(headline, paragraph)).toThrow(RangeError);
    expect(make(headline, standfirst)).toThrow(RangeError);
    expect(make(headline, standfirst, paragraph, headline)).toThrow(RangeError);
  });

  it('keeps headline and standfirst plain text', () => {
    const bold = articleSchema.marks.bold!;
    expect(articleSchema.nodes.headline?.allowsMarkType(bold)).toBe(false);
    expect(articleSchema.nodes.standfirst?.allowsMarkType(bold)).toBe(false);
    expect(articleSchema.nodes.paragraph?.allowsMarkType(bold)).toBe(true);
    expect(articleSchema.nodes.figure?.allowsMarkType(bold)).toBe(true);
  });

  it('loads without a DOM', () => {
    expect(typeof globalThis.document).toBe('undefined');
  });
});
