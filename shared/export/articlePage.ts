import type { ArticleJson } from '../article/ArticleJson.ts';
import { authorsOf, formatByline } from '../article/byline.ts';
import { displayDate } from './displayDate.ts';
import { escapeHtml } from './escapeHtml.ts';
import { checkedInfo, resolveUrl } from './publicationDates.ts';
import type { PublicationInfo } from './PublicationInfo.ts';
import { safeUrl } from './safeUrl.ts';
import { SITE_STYLE } from './siteStyle.ts';
import { storyParts } from './storyParts.ts';
import { renderBlocks } from './toHtml.ts';

// The published page runs nothing: JSON-LD is data, not script, and needs no script-src.
const CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' http: https:; style-src 'self' 'unsafe-inline'";

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` escaped so no text in
 * the story can close the script element or open a comment (`</script>`, `<!--`).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function metaTag(attribute: 'name' | 'property', key: string, content: string | undefined): string {
  return content ? `<meta ${attribute}="${key}" content="${escapeHtml(content)}">` : '';
}

/**
 * The published page of a story: a complete HTML5 document with the headline, standfirst, byline,
 * publication and update dates, a correction note, the body (figures with caption and credit,
 * READ MORE links), the related stories, plus schema.org `NewsArticle` JSON-LD and Open Graph
 * tags. Everything from the story is escaped and only http(s), mailto and relative URLs are
 * written; a Content-Security-Policy forbids scripts. Throws RangeError when the story does not
 * fit the schema or `info` is unusable.
 */
export function articlePage(article: ArticleJson, info: PublicationInfo): string {
  const parts = storyParts(article);
  const pub = checkedInfo(info);
  const { meta } = parts;
  const headline = parts.headline.trim() || 'Untitled story';
  const standfirst = parts.standfirst.trim();
  const authors = authorsOf(meta);
  const byline = formatByline(authors);
  const section = meta.section.trim();
  const url = pub.url === undefined ? null : resolveUrl(pub.url, undefined);
  const base = url ?? undefined;
  const lang = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(pub.language ?? '') ? (pub.language as string) : 'en';
  const images = parts.figures
    .map((figure) => ({ figure, src: safeUrl(figure.src) }))
    .map(({ figure, src }) => ({ figure, href: src === null ? null : resolveUrl(src, base) }))
    .filter((image): image is { figure: (typeof parts.figures)[number]; href: string } => image.href !== null);
  const updated = pub.versionCreated !== pub.firstCreated;

  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline,
    ...(standfirst ? { description: standfirst } : {}),
    datePublished: pub.firstCreated,
    dateModified: pub.versionCreated,
    ...(authors.length > 0 ? { author: authors.map((author) => ({ '@type': 'Person', name: author.name })) } : {}),
    ...(section ? { articleSection: section } : {}),
    ...(meta.tags.length > 0 ? { keywords: meta.tags } : {}),
    ...(images.length > 0 ? { image: images.map((image) => image.href) } : {}),
    ...(url ? { url, mainEntityOfPage: { '@type': 'WebPage', '@id': url } } : {}),
    ...(pub.siteName ? { publisher: { '@type': 'Organization', name: pub.siteName } } : {}),
    inLanguage: lang,
    wordCount: parts.bodyWordCount,
  };

  const firstImage = images[0];
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(pub.siteName ? `${headline} | ${pub.siteName}` : headline)}</title>`,
    metaTag('name', 'description', standfirst),
    metaTag('name', 'author', byline),
    pub.pubStatus === 'usable' ? '' : '<meta name="robots" content="noindex, nofollow">',
    url ? `<link rel="canonical" href="${escapeHtml(url)}">` : '',
    metaTag('property', 'og:type', 'article'),
    metaTag('property', 'og:title', headline),
    metaTag('property', 'og:description', standfirst),
    metaTag('property', 'og:url', url ?? undefined),
    metaTag('property', 'og:site_name', pub.siteName),
    metaTag('property', 'og:image', firstImage?.href),
    metaTag('property', 'og:image:alt', firstImage?.figure.alt.trim()),
    metaTag('property', 'article:published_time', pub.firstCreated),
    metaTag('property', 'article:modified_time', pub.versionCreated),
    metaTag('property', 'article:section', section),
    ...meta.tags.map((tag) => metaTag('property', 'article:tag', tag)),
    `<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`,
    `<style>${SITE_STYLE}</style>`,
  ];

  const header = [
    section ? `<p class="section">${escapeHtml(section)}</p>` : '',
    `<h1>${escapeHtml(headline)}</h1>`,
    standfirst ? `<p class="standfirst">${escapeHtml(standfirst)}</p>` : '',
    byline ? `<p class="byline">${escapeHtml(`By ${byline}`)}</p>` : '',
    '<p class="dates">' +
      `<time class="published" datetime="${pub.firstCreated}">Published ${displayDate(pub.firstCreated)}</time>` +
      (updated ? ` <time class="updated" datetime="${pub.versionCreated}">Updated ${displayDate(pub.versionCreated)}</time>` : '') +
      '</p>',
  ];
  const correction = pub.correction?.trim()
    ? `<aside class="correction"><strong>Correction:</strong> ${escapeHtml(pub.correction.trim())}</aside>`
    : '';
  const relatedItems = (pub.relatedStories ?? []).map((story) => {
    const href = story.url === undefined ? null : safeUrl(story.url);
    const title = escapeHtml(story.headline);
    return `<li>${href === null ? title : `<a href="${escapeHtml(href)}">${title}</a>`}</li>`;
  });
  const related = relatedItems.length
    ? `<aside class="related-stories">\n<h2>Related stories</h2>\n<ul>\n${relatedItems.join('\n')}\n</ul>\n</aside>`
    : '';
  const tags = meta.tags.length
    ? `<footer>\n<ul class="tags">${meta.tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join('')}</ul>\n</footer>`
    : '';
  const articleHtml = [
    '<article>',
    '<header>',
    ...header.filter(Boolean),
    '</header>',
    correction,
    renderBlocks(parts.body),
    related,
    tags,
    '</article>',
  ].filter(Boolean);

  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    ...head.filter(Boolean),
    '</head>',
    '<body>',
    masthead(pub),
    '<main>',
    ...articleHtml,
    '</main>',
    pub.siteName ? `<footer class="site-footer"><p>${escapeHtml(pub.siteName)}</p></footer>` : '',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, index, lines) => line !== '' || index === lines.length - 1)
    .join('\n');
}

/** The site's name above the story, linking to the front page when the publication knows it. */
function masthead(pub: PublicationInfo): string {
  if (!pub.siteName) return '';
  const front = pub.siteUrl === undefined ? null : resolveUrl(pub.siteUrl, undefined);
  const name = escapeHtml(pub.siteName);
  return `<header class="masthead"><p class="site-name">${front === null ? name : `<a href="${escapeHtml(front)}">${name}</a>`}</p></header>`;
}
