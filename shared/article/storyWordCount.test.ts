import { describe, expect, it } from 'vitest';
import { checkDeskLimits } from '../deskLimits.ts';
import { INSERT_MARK } from '../editor/suggestions/suggestionMarks.ts';
import { articlePage } from '../export/articlePage.ts';
import { toNinjs } from '../export/toNinjs.ts';
import { toText } from '../export/toText.ts';
import { fixtureArticleJson } from './fixtureArticle.ts';
import { storyWordCount, wordCountLabel } from './storyWordCount.ts';
import { summarize } from './summarize.ts';

const info = {
  uri: 'https://news.example.com/copydesk/articles/a1',
  firstCreated: '2024-05-01T09:30:00Z',
  versionCreated: '2024-05-01T09:30:00Z',
  pubStatus: 'usable' as const,
};

describe('storyWordCount', () => {
  it('counts the body copy only: not the headline, standfirst, captions or READ MORE links', () => {
    const article = {
      doc: {
        type: 'doc',
        content: [
          { type: 'headline', content: [{ type: 'text', text: 'Not counted here' }] },
          { type: 'standfirst', content: [{ type: 'text', text: 'Nor here' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'One two' }, { type: 'hardBreak' }, { type: 'text', text: 'three' }] },
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Four' }] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'five six' }] }] }] },
          { type: 'figure', attrs: { src: 'https://x.test/a.jpg', alt: 'alt', credit: 'AP' }, content: [{ type: 'text', text: 'caption words' }] },
          { type: 'relatedLink', attrs: { href: '/x' }, content: [{ type: 'text', text: 'Related story' }] },
        ],
      },
    };
    expect(storyWordCount(article)).toBe(6);
  });

  it('leaves pending suggested insertions out', () => {
    const article = {
      doc: {
        type: 'doc',
        content: [
          { type: 'headline' },
          { type: 'standfirst' },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'kept words ' },
              { type: 'text', text: 'suggested extra', marks: [{ type: INSERT_MARK, attrs: { id: 's1', author: 'ana', createdAt: '2024-05-01T09:30:00Z' } }] },
            ],
          },
        ],
      },
    };
    expect(storyWordCount(article)).toBe(2);
  });

  it('is the one figure the toolbar, desk limits, JSON-LD, ninjs and the text export give', () => {
    const article = fixtureArticleJson();
    const words = storyWordCount(article);
    expect(words).toBeGreaterThan(100);
    expect(summarize(article).wordCount).toBe(words);
    expect(checkDeskLimits(article).body.words).toBe(words);
    expect(articlePage(article, info)).toContain(`"wordCount":${words}`);
    expect(toNinjs(article, info).bodies[0]?.wordCount).toBe(words);
    expect(toText(article).endsWith(`${wordCountLabel(words)}\n`)).toBe(true);
  });

  it('labels the count where it is shown', () => {
    expect(wordCountLabel(0)).toBe('Body: 0 words');
    expect(wordCountLabel(1)).toBe('Body: 1 word');
    expect(wordCountLabel(1234)).toBe('Body: 1,234 words');
  });
});
