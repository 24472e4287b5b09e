import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { articleExtensions } from './extensions.ts';

/** The ProseMirror schema of a story, built from `articleExtensions()`. */
export const articleSchema: Schema = getSchema(articleExtensions());
