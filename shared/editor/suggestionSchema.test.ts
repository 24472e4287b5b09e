import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { articleNode } from '../article/articleNode.ts';
import { summarize } from '../article/summarize.ts';
import { toHtml } from '../export/toHtml.ts';
import { toJson } from '../export/toJson.ts';
import { toMarkdown } from '../export/toMarkdown.ts';
import { toText } from '../export/toText.ts';
import { articleSchema, plainArticleSchema } from './schema.ts';
import { hasPendingSuggestions } from './suggestions/withoutSuggestions.ts';
import { isCompatibleSchema, SCHEMA_VERSION } from './version.ts';

const who = { authorId: 'u1', authorName: 'Edna', color: '#aa3300', createdAt: '2026-01-01T10:00:00.000Z' };
const text = (value: string, mark?: string, id = 's1'): JSONContent =>
  mark ? { type: 'text', text: value, marks: [{ type: mark, attrs: { id, ...who } }] } : { type: 'text', text: value };

function suggestedStory(): ArticleJson {
  return {
    meta: { byline: '', slug: 'storm', section: 'World', tags: [] },
    doc: {
      type: 'doc',
      content: [
        { type: 'headline', content: [text('Storm '), text('hits', 'suggestionDelete', 'h1'), text('batters', 'suggestionInsert', 'h2'), text(' coast')] },
        { type: 'standfirst' },
        { type: 'paragraph', content: [text('Winds of '), text('very ', 'suggestionInsert', 'p1'), text('high speed')] },
        { type: 'horizontalRule', attrs: { suggestion: { kind: 'insert', id: 'b1', ...who } } },
      ],
    },
  };
}

describe('the suggestion-capable article schema', () => {
  it('is the one schema: suggestion marks and the block attribute validate; the plain schema has neither', () => {
    expect(Object.keys(articleSchema.marks)).toEqual(expect.arrayContaining(['suggestionInsert', 'suggestionDelete', 'suggestionFormat']));
    expect(Object.keys(plainArticleSchema.marks)).not.toContain('suggestionInsert');
    expect(() => articleNode(suggestedStory().doc)).not.toThrow();
    expect(hasPendingSuggestions(suggestedStory().doc)).toBe(true);
  });

  it('has a new major that refuses editors of the schema without suggestions', () => {
    expect(SCHEMA_VERSION.startsWith('2.')).toBe(true);
    expect(isCompatibleSchema('1.0.0')).toBe(false);
    expect(isCompatibleSchema('2.3.1')).toBe(true);
  });

  it('exports and summaries read the story with every pending suggestion rejected', () => {
    const story = suggestedStory();
    const html = toHtml(story);
    expect(html).toContain('<h1>Storm hits coast</h1>');
    expect(html).toContain('<p>Winds of high speed</p>');
    expect(html).not.toContain('batters');
    expect(html).not.toContain('<hr>');
    expect(toText(story)).not.toMatch(/batters|very/);
    expect(toMarkdown(story)).toContain('Winds of high speed');
    const json = toJson(story);
    expect(hasPendingSuggestions(json.doc)).toBe(false);
    expect(() => plainArticleSchema.nodeFromJSON(json.doc).check()).not.toThrow();
    expect(summarize(story)).toMatchObject({ headline: 'Storm hits coast', wordCount: 4 });
  });
});
