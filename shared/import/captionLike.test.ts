import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textOf } from '../article/textOf.ts';
import { captionLikeParagraphs, type BlockText } from './captionLike.ts';
import { fromPlainText } from './fromPlainText.ts';

const fixture = readFileSync(new URL('../../../shared/fixtures/article-north-korea-exodus.txt', import.meta.url), 'utf8');

const paragraph = (text: string): BlockText => ({ type: 'paragraph', text });

describe('captionLikeParagraphs', () => {
  it('finds the three photo captions the wire story brought along, and no story paragraph', () => {
    const blocks = (fromPlainText(fixture).doc.content ?? []).map((block) => ({ type: block.type ?? '', text: textOf(block) }));
    expect(captionLikeParagraphs(blocks).map((index) => blocks[index]!.text)).toEqual([
      'Foreign diplomats and aid workers have fled North Korea en masse in recent months due to shortages of goods and "unprecedented" restrictions.',
      'Unable to get out of North Korea any other way, this Russian family resorted to a hand-powered railway trolley.',
      "Women parade with flags during a rally to welcome the 8th Congress of the Workers' Party of Korea in the Party at Kim Il Sung Square in Pyongyang, North Korea.",
    ]);
  });

  it('reads picture words, and leaves quotes, long and many-sentence paragraphs alone', () => {
    const blocks = [
      paragraph('The council met on Tuesday to vote on the harbour plan.'),
      paragraph('Residents queue outside the town hall (pictured) before the vote.'),
      paragraph('Ships at the quay. Photo: Ann Lee'),
      paragraph('"This plan saves the harbour," the mayor said.'),
      paragraph('This year the vote was close.'),
      paragraph(`These fishermen ${'waited for the result '.repeat(12)}.`),
      { type: 'relatedLink', text: 'Earlier: the harbour plan' },
      paragraph('The vote passed. Work starts in May.'),
    ];
    expect(captionLikeParagraphs(blocks)).toEqual([1, 2]);
  });
});
