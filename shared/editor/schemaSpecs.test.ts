import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { articleExtensions, plainArticleExtensions } from './extensions.ts';
import { articleSchema, plainArticleSchema } from './schema.ts';
import { schemaSpecOf } from './schemaSpecOf.ts';
import { ARTICLE_SCHEMA_SPEC, PLAIN_ARTICLE_SCHEMA_SPEC } from './schemaSpecs.ts';

const REWRITE = 'the extensions changed: run `npx tsx shared/editor/test/writeSchemaSpecs.ts`';

describe('schemaSpecs', () => {
  it('hold what the Tiptap extensions accept', () => {
    expect(ARTICLE_SCHEMA_SPEC, REWRITE).toEqual(schemaSpecOf(getSchema(articleExtensions())));
    expect(PLAIN_ARTICLE_SCHEMA_SPEC, REWRITE).toEqual(schemaSpecOf(getSchema(plainArticleExtensions())));
  });

  it('build schemas with the same nodes, marks, groups and defaults as the extensions', () => {
    for (const [built, tiptap] of [
      [articleSchema, getSchema(articleExtensions())],
      [plainArticleSchema, getSchema(plainArticleExtensions())],
    ] as const) {
      expect(Object.keys(built.nodes)).toEqual(Object.keys(tiptap.nodes));
      expect(Object.keys(built.marks)).toEqual(Object.keys(tiptap.marks));
      for (const [name, type] of Object.entries(tiptap.nodes)) {
        const mine = built.nodes[name]!;
        expect([mine.spec.group, mine.isBlock, mine.isInline, mine.isTextblock, mine.isAtom, mine.inlineContent], name).toEqual([
          type.spec.group, type.isBlock, type.isInline, type.isTextblock, type.isAtom, type.inlineContent,
        ]);
        expect(mine.createAndFill()?.toJSON() ?? null, name).toEqual(type.createAndFill()?.toJSON() ?? null);
      }
    }
  });

  it('judge a story as the extensions do, accepted and refused', () => {
    const tiptap = getSchema(articleExtensions());
    const fixture = fixtureArticleJson().doc;
    const body = (fixture.content ?? []).slice(2);
    const cases: object[] = [
      fixture,
      { type: 'doc', content: body },
      { ...fixture, content: [...(fixture.content ?? []), { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'x', marks: [{ type: 'suggestionInsert', attrs: { id: 's1' } }] }] }] },
      { ...fixture, content: [...(fixture.content ?? []), { type: 'headline', content: [{ type: 'text', text: 'second' }] }] },
      { ...fixture, content: [...(fixture.content ?? []), { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }] }] },
    ];
    const verdict = (schema: typeof tiptap, json: object): string => {
      try {
        PMNode.fromJSON(schema, json).check();
        return 'ok';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    for (const json of cases) expect(verdict(articleSchema, json)).toBe(verdict(tiptap, json));
    expect(verdict(articleSchema, fixture)).toBe('ok');
  });
});
