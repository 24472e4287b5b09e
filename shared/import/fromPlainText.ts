import type { JSONContent } from '@tiptap/core';
import type { ArticleJson } from '../article/ArticleJson.ts';
import { buildArticle } from './buildArticle.ts';
import { parseReadMoreLine } from './readMoreLine.ts';

/** A standfirst is one or two sentences; longer openings are the first body paragraph. */
export const STANDFIRST_MAX_LENGTH = 320;

// Lines that start a web page's trailer (related-story lists, ratings, author boxes) pasted along with a story.
const SITE_CHROME = /^(related (posts|stories|articles|content)|you (may|might) also like|more (stories|from .*)|recommended( for you)?|read next|share this( article| story)?)\s*:?$/i;
const BYLINE = /^by\s+(\S.{0,79})$/i;
// A standfirst the writer marked as one.
const STANDFIRST_LABEL = /^(?:standfirst|summary|dek|deck)\s*:\s*(\S.*)$/i;

type Unit = { kind: 'text'; text: string } | { kind: 'readMore'; label: string; href: string };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    let run: string[] = [];
    const flush = () => {
      const joined = run.join(' ').replace(/\s+/g, ' ').trim();
      if (joined !== '') out.push({ kind: 'text', text: joined });
      run = [];
    };
    for (const line of block.split('\n')) {
      const readMore = parseReadMoreLine(line);
      if (readMore) {
        flush();
        out.push({ kind: 'readMore', ...readMore });
      } else {
        run.push(line);
      }
    }
    flush();
  }
  return out;
}

function sentenceCount(text: string): number {
  return text.split(/[.!?]+["'”’)]*(?:\s+|$)/).filter((part) => part.trim() !== '').length;
}

function readsLikeStandfirst(unit: Unit | undefined, rest: number): unit is Unit & { kind: 'text' } {
  return (
    unit?.kind === 'text' &&
    rest > 0 &&
    unit.text.length <= STANDFIRST_MAX_LENGTH &&
    sentenceCount(unit.text) <= 2 &&
    !/[:;,]$/.test(unit.text)
  );
}

function toBlock(unit: Unit): JSONContent {
  if (unit.kind === 'readMore') {
    return { type: 'relatedLink', attrs: { href: unit.href }, content: unit.label ? [{ type: 'text', text: unit.label }] : [] };
  }
  return { type: 'paragraph', content: [{ type: 'text', text: unit.text }] };
}

/**
 * A story from plain text. The first non-empty line is the headline; a "By ..." line right after
 * it is the byline. The standfirst is taken only when it is clearly set apart: a paragraph labelled
 * "Standfirst:" (or "Summary:", "Dek:"), or one that reads like a standfirst (at most two sentences,
 * {@link STANDFIRST_MAX_LENGTH} characters) between the headline and the "By ..." line; an opening
 * paragraph otherwise is the lede and stays in the body. Paragraphs are
 * separated by blank lines and their wrapped lines joined. Lines starting "READ MORE:" become READ
 * MORE blocks (linked when the line ends with an http(s) or site URL, else with an empty link for the
 * desk to fill). A trailer of site chrome copied from a web page, from a line such as "Related Posts"
 * to the end, is dropped.
 */
export function fromPlainText(text: string): ArticleJson {
  const normalized = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').replace(CONTROL, '');
  const lines = normalized.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const headline = first === -1 ? '' : (lines[first] ?? '').trim();
  let rest = units(first === -1 ? '' : lines.slice(first + 1).join('\n'));

  const chrome = rest.findIndex((unit) => unit.kind === 'text' && SITE_CHROME.test(unit.text));
  if (chrome !== -1) rest = rest.slice(0, chrome);

  // Only a clearly separate standfirst becomes one: labelled "Standfirst: …", or a short paragraph
  // set between the headline and the "By …" line. Anything else is the lede and stays in the body.
  let byline = '';
  let standfirst = '';
  const textAt = (index: number): string | null => {
    const unit = rest[index];
    return unit?.kind === 'text' ? unit.text : null;
  };
  const bylineOf = (index: number): string | null => BYLINE.exec(textAt(index) ?? '')?.[1]?.trim() ?? null;
  if (bylineOf(0) !== null) {
    byline = bylineOf(0)!;
    rest = rest.slice(1);
  } else if (bylineOf(1) !== null && readsLikeStandfirst(rest[0], rest.length - 2)) {
    standfirst = textAt(0)!;
    byline = bylineOf(1)!;
    rest = rest.slice(2);
  }
  const label = standfirst === '' && rest[0]?.kind === 'text' ? STANDFIRST_LABEL.exec(rest[0].text) : null;
  if (label?.[1]) {
    standfirst = label[1].trim();
    rest = rest.slice(1);
  }

  return buildArticle({ headline, standfirst, byline, body: rest.map(toBlock) });
}
