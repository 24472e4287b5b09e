import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import { publishProblems, type LinkedStoryState } from './checkPublishable.ts';

const allPublished = { storyStatus: (): LinkedStoryState => 'published' };

describe('what the publish gate says', () => {
  it('says how many suggestions wait, whatever the count', () => {
    const message = (pending: number) => publishProblems(fixtureArticleJson(), { ...allPublished, pendingSuggestions: pending }).find((p) => p.id === 'suggestions_pending')?.message;
    expect(message(0)).toBeUndefined();
    expect(message(1)).toBe('1 suggestion is still waiting for a decision.');
    expect(message(3)).toBe('3 suggestions are still waiting for a decision.');
  });

  it('names a linked story by its headline when it is known, by its link otherwise', () => {
    const unpublished = { storyStatus: (): LinkedStoryState => 'unpublished' };
    const named = publishProblems(fixtureArticleJson(), { ...unpublished, storyHeadline: () => 'Harbour reopens after the storm' });
    expect(named[0]?.message).toMatch(/points to the story "Harbour reopens after the storm", which is not published\.$/);
    expect(named[0]?.message).not.toContain('north-korea-warns-us');
    const unnamed = publishProblems(fixtureArticleJson(), { ...unpublished, storyHeadline: () => null });
    expect(unnamed[0]?.message).toContain('story "north-korea-warns-us"');
  });
});
