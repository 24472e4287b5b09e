import { describe, expect, it } from 'vitest';
import { fixtureArticleJson } from '../article/fixtureArticle.ts';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { publishProblems, type LinkedStoryState } from './checkPublishable.ts';
import type { StoryRef } from './storyLink.ts';

const allPublished = { storyStatus: (): LinkedStoryState => 'published' };

function withBlocks(...blocks: ArticleJson['doc'][]): ArticleJson {
  const article = fixtureArticleJson();
  article.doc.content = [article.doc.content![0]!, article.doc.content![1]!, ...blocks];
  return article;
}

const figure = (attrs: Record<string, string>, caption = 'A caption') => ({
  type: 'figure',
  attrs: { src: 'https://img.example/a.jpg', alt: 'Alt', credit: 'Photo: AP', ...attrs },
  content: caption ? [{ type: 'text', text: caption }] : [],
});
const readMore = (href: string, label = 'Related') => ({ type: 'relatedLink', attrs: { href }, content: [{ type: 'text', text: label }] });

describe('publishProblems', () => {
  it('finds nothing in the fixture when its linked stories are published', () => {
    expect(publishProblems(fixtureArticleJson(), allPublished)).toEqual([]);
  });

  it('asks about the fixture’s Copydesk link by id and reports it when it is not published', () => {
    const asked: StoryRef[] = [];
    const problems = publishProblems(fixtureArticleJson(), {
      storyStatus: (ref) => {
        asked.push(ref);
        return 'unpublished';
      },
    });
    expect(asked).toEqual([{ kind: 'id', id: 'north-korea-warns-us' }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ id: 'read_more_unpublished' });
    expect(problems[0]!.message).toContain('North Korea warns US');
    expect(fixtureArticleJson().doc.content![problems[0]!.blockIndex]!.type).toBe('relatedLink');
  });

  it('reports figures without alt text, credit or image, with their block index', () => {
    const problems = publishProblems(withBlocks(figure({ alt: ' ' }), figure({ credit: '' }, ''), figure({ src: 'javascript:alert(1)' })), allPublished);
    expect(problems.map((p) => [p.id, p.blockIndex])).toEqual([
      ['figure_missing_alt', 2],
      ['figure_missing_credit', 3],
      ['figure_missing_image', 4],
    ]);
  });

  it('reports empty, unsafe, unknown and unpublished READ MORE links; external ones are fine', () => {
    const states: Record<string, LinkedStoryState> = { a: 'published', b: 'unpublished', c: 'missing' };
    const status = (ref: StoryRef): LinkedStoryState => (ref.kind === 'id' ? states[ref.id]! : ref.slug === 'live' ? 'published' : 'unpublished');
    const problems = publishProblems(
      withBlocks(
        readMore(''),
        readMore('javascript:alert(1)'),
        readMore('/stories/a'),
        readMore('/stories/b'),
        readMore('/stories/c'),
        readMore('https://other.example/stories/b'),
        readMore('/site/world/live'),
        readMore('https://news.example.com/site/world/draft'),
      ),
      { storyStatus: status, ownOrigins: ['https://news.example.com'] },
    );
    expect(problems.map((p) => [p.id, p.blockIndex])).toEqual([
      ['read_more_empty', 2],
      ['read_more_unsafe', 3],
      ['read_more_unpublished', 5],
      ['read_more_unknown_story', 6],
      ['read_more_unpublished', 9],
    ]);
  });

  it('finds figures nested in other blocks and counts pending suggestions', () => {
    const quote = { type: 'blockquote', content: [figure({ credit: '' })] };
    const problems = publishProblems(withBlocks({ type: 'paragraph' }, quote), { ...allPublished, pendingSuggestions: 2 });
    expect(problems.map((p) => [p.id, p.blockIndex])).toEqual([
      ['figure_missing_credit', 3],
      ['suggestions_pending', -1],
    ]);
  });

  it('refuses an empty headline and a document that does not fit the schema', () => {
    const article = fixtureArticleJson();
    article.doc.content![0] = { type: 'headline' };
    expect(publishProblems(article, allPublished).map((p) => p.id)).toEqual(['headline_empty']);
    expect(publishProblems({ meta: article.meta, doc: { type: 'doc', content: [{ type: 'script' }] } }, allPublished).map((p) => p.id)).toEqual([
      'invalid_document',
    ]);
  });
});
