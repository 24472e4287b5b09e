import { escapeHtml } from '../../shared/export/escapeHtml.ts';
import type { Publication } from '../storage/PublicationStore.ts';
import { pageUrl, siteUrl, type SiteAddress } from '../publish/siteAddress.ts';

/** The site's front page: the latest published stories, linked, with their standfirst and date. Scripts forbidden. */
export function frontPage(site: SiteAddress, publications: readonly Publication[]): string {
  const items = publications.map((p) => {
    const href = pageUrl(site, p.section, p.slug);
    return [
      '<li>',
      `<h2><a href="${escapeHtml(href)}">${escapeHtml(p.headline || 'Untitled story')}</a></h2>`,
      p.standfirst ? `<p class="standfirst">${escapeHtml(p.standfirst)}</p>` : '',
      `<p class="meta"><span class="section">${escapeHtml(p.section)}</span> <time datetime="${escapeHtml(p.publishedAt)}">${escapeHtml(p.publishedAt.slice(0, 10))}</time></p>`,
      '</li>',
    ]
      .filter(Boolean)
      .join('');
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(site.language ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' http: https:; style-src 'self' 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(site.siteName)}</title>`,
    `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(site.siteName)}" href="${escapeHtml(siteUrl(site, '/site/feed.xml'))}">`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(site.siteName)}</h1></header>`,
    '<main>',
    items.length ? `<ul class="stories">\n${items.join('\n')}\n</ul>` : '<p>No stories yet.</p>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
