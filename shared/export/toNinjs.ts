import type { ArticleJson } from '../article/ArticleJson.ts';
import { authorsOf, formatByline } from '../article/byline.ts';
import { checkedInfo, resolveUrl } from './publicationDates.ts';
import type { PublicationInfo } from './PublicationInfo.ts';
import { safeUrl } from './safeUrl.ts';
import { storyParts } from './storyParts.ts';
import { renderBlocks } from './toHtml.ts';

/** The ninjs version and schema every export declares and is tested against. */
export const NINJS_STANDARD = {
  name: 'ninjs',
  version: '3.1',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#',
} as const;

interface NinjsText {
  role?: string;
  contentType?: string;
  value: string;
}

interface NinjsBody extends NinjsText {
  charCount?: number;
  wordCount?: number;
}

interface NinjsRendition {
  name: string;
  href?: string;
  contentType?: string;
}

interface NinjsSubject {
  name: string;
  rel?: string;
}

/** A person the item is about or by; authors have rel `author`, an account's username as `literal`. */
interface NinjsPerson {
  name: string;
  rel?: string;
  literal?: string;
}

/** An associated item: a picture of the story or a related story. */
export interface NinjsAssociation {
  name: string;
  uri: string;
  type: 'picture' | 'text';
  rel?: string;
  headlines?: NinjsText[];
  descriptions?: NinjsText[];
  by?: string;
  renditions?: NinjsRendition[];
}

/** An IPTC ninjs 3.1 news item, as far as Copydesk fills it. */
export interface NinjsItem {
  uri: string;
  type: 'text';
  representationType: 'full';
  standard: typeof NINJS_STANDARD;
  version?: string;
  firstCreated: string;
  versionCreated: string;
  embargoedUntil?: string;
  pubStatus: PublicationInfo['pubStatus'];
  language: string;
  headlines: NinjsText[];
  descriptions?: NinjsText[];
  bodies: NinjsBody[];
  by?: string;
  people?: NinjsPerson[];
  slugline?: string;
  subjects?: NinjsSubject[];
  renditions?: NinjsRendition[];
  associations?: NinjsAssociation[];
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

function imageType(href: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(href).pathname)?.[1]?.toLowerCase();
  return extension ? IMAGE_TYPES[extension] : undefined;
}

// The uri of a part of this item that has no address of its own (a figure without an image URL).
function partUri(uri: string, part: string): string {
  return `${uri.replace(/#.*$/, '')}#${part}`;
}

/**
 * The story as an IPTC ninjs 3.1 item (valid against the ninjs 3.1 JSON Schema): headline,
 * standfirst as summary description (and the correction note as a correction one), the HTML body with word and character counts (figure
 * captions excluded), byline (`by` "A, B and C", and one `people` entry with rel "author" per
 * author, an account's username as its `literal`), slug, tags and section as subjects, dates, embargo and status from
 * `info`; figures as `picture` associations with caption, alt text, credit and an image rendition;
 * READ MORE links and `info.relatedStories` as `text` associations with rel "related".
 * Throws RangeError when the story does not fit the schema or `info` is unusable.
 */
export function toNinjs(article: ArticleJson, info: PublicationInfo): NinjsItem {
  const parts = storyParts(article);
  const pub = checkedInfo(info);
  const base = pub.url ?? resolveUrl(pub.uri, undefined) ?? undefined;
  const headline = parts.headline.trim();
  const standfirst = parts.standfirst.trim();
  const { meta } = parts;

  const associations: NinjsAssociation[] = [];
  parts.figures.forEach((figure, index) => {
    const safe = safeUrl(figure.src);
    const href = safe === null ? null : resolveUrl(safe, base);
    const descriptions: NinjsText[] = [];
    if (figure.caption.trim()) descriptions.push({ role: 'caption', contentType: 'text/plain', value: figure.caption.trim() });
    if (figure.alt.trim()) descriptions.push({ role: 'alternative-text', contentType: 'text/plain', value: figure.alt.trim() });
    const contentType = href === null ? undefined : imageType(href);
    associations.push({
      name: `picture-${index + 1}`,
      uri: href ?? partUri(pub.uri, `picture-${index + 1}`),
      type: 'picture',
      ...(descriptions.length > 0 ? { descriptions } : {}),
      ...(figure.credit.trim() ? { by: figure.credit.trim() } : {}),
      ...(href === null ? {} : { renditions: [{ name: 'original', href, ...(contentType ? { contentType } : {}) }] }),
    });
  });

  const related = pub.relatedStories ?? [];
  const seen = new Set<string>();
  parts.relatedLinks.forEach((link, index) => {
    const safe = safeUrl(link.href);
    const href = safe === null ? null : resolveUrl(safe, base);
    const story = href === null ? undefined : related.find((candidate) => candidate.url !== undefined && resolveUrl(candidate.url, base) === href);
    const uri = story?.uri ?? href ?? partUri(pub.uri, `read-more-${index + 1}`);
    seen.add(uri);
    associations.push({
      name: `read-more-${index + 1}`,
      uri,
      type: 'text',
      rel: 'related',
      headlines: [{ value: link.label.trim() || story?.headline || uri }],
      ...(href === null ? {} : { renditions: [{ name: 'web', href, contentType: 'text/html' }] }),
    });
  });
  related
    .filter((story) => !seen.has(story.uri))
    .forEach((story, index) => {
      const href = story.url === undefined ? null : resolveUrl(story.url, base);
      associations.push({
        name: `related-${index + 1}`,
        uri: story.uri,
        type: 'text',
        rel: 'related',
        headlines: [{ value: story.headline }],
        ...(href === null ? {} : { renditions: [{ name: 'web', href, contentType: 'text/html' }] }),
      });
    });

  const subjects: NinjsSubject[] = [
    ...meta.tags.map((tag) => ({ name: tag, rel: 'keyword' })),
    ...(meta.section.trim() ? [{ name: meta.section.trim(), rel: 'section' }] : []),
  ];
  const descriptions: NinjsText[] = [];
  if (standfirst) descriptions.push({ role: 'summary', contentType: 'text/plain', value: standfirst });
  // A correction note is public: a description, not an edNote (which is for the receiving desk only).
  if (pub.correction?.trim()) descriptions.push({ role: 'correction', contentType: 'text/plain', value: pub.correction.trim() });
  const pageUrl = pub.url === undefined ? null : resolveUrl(pub.url, undefined);
  const authors = authorsOf(meta);
  const people: NinjsPerson[] = authors.map((author) => ({
    name: author.name,
    rel: 'author',
    ...(author.username !== undefined ? { literal: author.username } : {}),
  }));

  return {
    uri: pub.uri,
    type: 'text',
    representationType: 'full',
    standard: NINJS_STANDARD,
    ...(pub.version !== undefined ? { version: String(pub.version) } : {}),
    firstCreated: pub.firstCreated,
    versionCreated: pub.versionCreated,
    ...(pub.embargoedUntil !== undefined ? { embargoedUntil: pub.embargoedUntil } : {}),
    pubStatus: pub.pubStatus,
    language: pub.language ?? 'en',
    headlines: [{ role: 'main', contentType: 'text/plain', value: headline }],
    ...(descriptions.length > 0 ? { descriptions } : {}),
    bodies: [
      {
        role: 'main',
        contentType: 'text/html',
        value: renderBlocks(parts.body),
        charCount: parts.bodyText.length,
        wordCount: parts.bodyWordCount,
      },
    ],
    ...(authors.length > 0 ? { by: formatByline(authors), people } : {}),
    ...(meta.slug.trim() ? { slugline: meta.slug.trim() } : {}),
    ...(subjects.length > 0 ? { subjects } : {}),
    ...(pageUrl === null ? {} : { renditions: [{ name: 'web', href: pageUrl, contentType: 'text/html' }] }),
    ...(associations.length > 0 ? { associations } : {}),
  };
}
