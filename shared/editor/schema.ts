import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { articleExtensions, plainArticleExtensions } from './extensions.ts';

/** The ProseMirror schema of a story, built from `articleExtensions()`. */
export const articleSchema: Schema = getSchema(articleExtensions());

/** The schema of a story with no pending suggestions (exports, the public site). */
export const plainArticleSchema: Schema = getSchema(plainArticleExtensions());
