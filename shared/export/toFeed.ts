import { isoDateTime, resolveUrl } from './publicationDates.ts';

/** One published story in the feed. */
export interface FeedEntry {
  /** Globally unique, stable identifier of the story (its ninjs `uri`). */
  id: string;
  title: string;
  /** Absolute URL of the public page. */
  url: string;
  /** First publication time (ISO 8601). */
  published: string;
  /** Time of the latest publication (ISO 8601). */
  updated: string;
  summary?: string;
  author?: string;
  section?: string;
  tags?: readonly string[];
}

/** The feed as a whole. */
export interface FeedInfo {
  /** Site name, the feed's title. */
  title: string;
  /** Absolute URL of the site's front page. */
  siteUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** Used as the feed's `updated` when there are no entries (ISO 8601). */
  generatedAt: string;
  entries: readonly FeedEntry[];
}

// XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF even when escaped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for XML content and double-quoted attributes: escaped, with characters XML cannot carry removed. */
export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function absolute(url: string, field: string): string {
  const resolved = resolveUrl(url, undefined);
  if (resolved === null) throw new RangeError(`${field} must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
  return resolved;
}

function element(name: string, text: string | undefined): string {
  const clean = (text ?? '').replace(NOT_XML, '').trim();
  return clean === '' ? '' : `<${name}>${escapeXml(clean)}</${name}>`;
}

/**
 * An Atom 1.0 feed (RFC 4287) of published stories, newest first as given: title, link, id,
 * published and updated dates, summary, author (the site's name when the story has no byline),
 * section and tags as categories. Every text is
 * escaped; only absolute http(s) links are written. Throws RangeError on an unusable URL or date.
 */
export function toFeed(feed: FeedInfo): string {
  const siteUrl = absolute(feed.siteUrl, 'siteUrl');
  const feedUrl = absolute(feed.feedUrl, 'feedUrl');
  const entries = feed.entries.map((entry) => {
    const url = absolute(entry.url, `url of ${entry.id}`);
    if (!/^[a-z][a-z0-9+.-]*:/i.test(entry.id)) throw new RangeError(`Feed entry id must be an absolute URI, got ${JSON.stringify(entry.id)}`);
    const categories = [
      ...(entry.section?.trim() ? [entry.section.trim()] : []),
      ...(entry.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''),
    ];
    return [
      '<entry>',
      element('title', entry.title.trim() || 'Untitled story'),
      `<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      element('id', entry.id),
      element('published', isoDateTime(entry.published, 'published')),
      element('updated', isoDateTime(entry.updated, 'updated')),
      entry.author?.trim() ? `<author><name>${escapeXml(entry.author.trim())}</name></author>` : '',
      ...categories.map((term) => `<category term="${escapeXml(term)}"/>`),
      element('summary', entry.summary),
      '</entry>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  const updated = feed.entries.reduce(
    (latest, entry) => {
      const iso = isoDateTime(entry.updated, 'updated');
      return iso > latest ? iso : latest;
    },
    feed.entries.length ? '' : isoDateTime(feed.generatedAt, 'generatedAt'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('title', feed.title.trim() || 'Copydesk'),
    // RFC 4287 4.1.1: without a feed author every entry would need its own; entries without a byline inherit the site.
    `<author><name>${escapeXml(feed.title.trim() || 'Copydesk')}</name></author>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(siteUrl)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
    element('id', feedUrl),
    element('updated', updated),
    '<generator>Copydesk</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
