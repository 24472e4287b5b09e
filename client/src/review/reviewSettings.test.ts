import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/api.ts';
import { suggestingRequired } from './reviewSettings.ts';

const story = (status: Article['status'], requireSuggestions: boolean) =>
  ({ status, requireSuggestions, assignedWords: null }) as unknown as Article;

describe('suggestingRequired', () => {
  it('forces suggesting on reporters and viewers only while the story is in review and the editor asked for it', () => {
    expect(suggestingRequired(story('in_review', true), 'reporter')).toBe(true);
    expect(suggestingRequired(story('in_review', true), 'viewer')).toBe(true);
    expect(suggestingRequired(story('in_review', true), 'editor')).toBe(false);
    expect(suggestingRequired(story('in_review', true), 'admin')).toBe(false);
    expect(suggestingRequired(story('draft', true), 'reporter')).toBe(false);
    expect(suggestingRequired(story('in_review', false), 'reporter')).toBe(false);
  });
});
