import type { JSONContent } from '@tiptap/core';
import type { ArticleJson } from './article/ArticleJson.ts';
import { storyWordCount } from './article/storyWordCount.ts';
import { textOf } from './article/textOf.ts';

/** The budgets the desk sets for a story: characters for headline and standfirst, words for the body. */
export interface DeskLimits {
  headlineChars: number;
  standfirstChars: number;
  /** The assigned length of the body in words; null when none was assigned. */
  bodyWords: number | null;
}

/** What a section without limits of its own gets. */
export const DEFAULT_DESK_LIMITS: Readonly<DeskLimits> = Object.freeze({ headlineChars: 90, standfirstChars: 250, bodyWords: 600 });

/** Limits by section name; a section may set only some of them. */
export type SectionDeskLimits = Readonly<Record<string, Partial<DeskLimits>>>;

/**
 * The limits of a story in `section` (matched case-insensitively, surrounding spaces ignored):
 * the section's own over the defaults, and the story's assigned length over both when given.
 */
export function deskLimitsFor(section: string, sections: SectionDeskLimits = {}, assignedWords?: number | null): DeskLimits {
  const wanted = section.trim().toLowerCase();
  const key = Object.keys(sections).find((name) => name.trim().toLowerCase() === wanted);
  const own = key === undefined ? {} : (sections[key] ?? {});
  const limits: DeskLimits = { ...DEFAULT_DESK_LIMITS };
  if (isPositive(own.headlineChars)) limits.headlineChars = own.headlineChars;
  if (isPositive(own.standfirstChars)) limits.standfirstChars = own.standfirstChars;
  if (own.bodyWords === null || isPositive(own.bodyWords)) limits.bodyWords = own.bodyWords;
  if (assignedWords === null || isPositive(assignedWords)) limits.bodyWords = assignedWords;
  return limits;
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** A character budget: how many are used, the limit, and whether the text runs over. */
export interface CharBudget {
  count: number;
  limit: number;
  over: boolean;
}

/** The body against its assigned length; `ratio` is words / target (null without a target). */
export interface WordBudget {
  words: number;
  target: number | null;
  ratio: number | null;
  over: boolean;
}

/** A story's fields against the desk's limits, as the editor shows them live. */
export interface DeskLimitReport {
  headline: CharBudget;
  standfirst: CharBudget;
  body: WordBudget;
}

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** Characters as a reader counts them: spaces collapsed, an emoji or accented letter is one. */
export function countChars(text: string): number {
  const clean = text.replace(/\s+/g, ' ').trim();
  return graphemes ? Array.from(graphemes.segment(clean)).length : [...clean].length;
}

/** Words of the body copy: the story's one word count (shared/article/storyWordCount.ts). */
export const bodyWordCount = storyWordCount;

function charBudget(text: string, limit: number): CharBudget {
  const count = countChars(text);
  return { count, limit, over: count > limit };
}

/**
 * Headline and standfirst characters against their limits and body words against the assigned
 * length. Reads the JSON as it is, without validating it, so it can run on every keystroke.
 */
export function checkDeskLimits(article: ArticleJson, limits: DeskLimits = DEFAULT_DESK_LIMITS): DeskLimitReport {
  const blocks: JSONContent[] = Array.isArray(article.doc?.content) ? article.doc.content : [];
  const field = (type: string) => textOf(blocks.find((block) => block.type === type));
  const words = bodyWordCount(article);
  const target = isPositive(limits.bodyWords) ? limits.bodyWords : null;
  return {
    headline: charBudget(field('headline'), limits.headlineChars),
    standfirst: charBudget(field('standfirst'), limits.standfirstChars),
    body: { words, target, ratio: target === null ? null : words / target, over: target !== null && words > target },
  };
}
