import { Schema } from '@tiptap/pm/model';
import type { SchemaSpecData } from './schemaSpecOf.ts';
import { ARTICLE_SCHEMA_SPEC, PLAIN_ARTICLE_SCHEMA_SPEC } from './schemaSpecs.ts';

// From data rather than `getSchema(articleExtensions())`: what checks stories on the server then
// loads ProseMirror's model alone, not Tiptap and the editor packages its extensions import
// (about 3 MiB of the server's memory). schemaSpecs.test.ts keeps the data equal to the extensions.
const schemaOf = (spec: SchemaSpecData): Schema =>
  new Schema({ nodes: Object.fromEntries(spec.nodes), marks: Object.fromEntries(spec.marks), topNode: spec.topNode });

/** The ProseMirror schema of a story: what `articleExtensions()` accepts, without HTML parsing and rendering. */
export const articleSchema: Schema = schemaOf(ARTICLE_SCHEMA_SPEC);

/** The schema of a story with no pending suggestions (exports, the public site). */
export const plainArticleSchema: Schema = schemaOf(PLAIN_ARTICLE_SCHEMA_SPEC);
