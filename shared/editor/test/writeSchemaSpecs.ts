/**
 * Rewrites shared/editor/schemaSpecs.ts from the Tiptap extensions:
 * `npx tsx shared/editor/test/writeSchemaSpecs.ts` after changing what a story's schema accepts
 * (shared/editor/schemaSpecs.test.ts fails until then).
 */
import { writeFileSync } from 'node:fs';
import { getSchema } from '@tiptap/core';
import { articleExtensions, plainArticleExtensions } from '../extensions.ts';
import { schemaSpecOf } from '../schemaSpecOf.ts';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const source = `// Written by shared/editor/test/writeSchemaSpecs.ts from the Tiptap extensions; do not edit by hand.
import type { SchemaSpecData } from './schemaSpecOf.ts';

/** What \`getSchema(articleExtensions())\` accepts, as data (see schemaSpecOf). */
export const ARTICLE_SCHEMA_SPEC: SchemaSpecData = ${json(schemaSpecOf(getSchema(articleExtensions())))};

/** What \`getSchema(plainArticleExtensions())\` accepts, as data (see schemaSpecOf). */
export const PLAIN_ARTICLE_SCHEMA_SPEC: SchemaSpecData = ${json(schemaSpecOf(getSchema(plainArticleExtensions())))};
`;
writeFileSync(new URL('../schemaSpecs.ts', import.meta.url), source);
