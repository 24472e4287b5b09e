import { displayDay } from '../../shared/export/displayDate.ts';
import { escapeHtml } from '../../shared/export/escapeHtml.ts';
import { SITE_STYLE } from '../../shared/export/siteStyle.ts';
import type { Publication } from '../storage/PublicationStore.ts';
import { pageUrl, siteUrl, type SiteAddress } from '../publish/siteAddress.ts';

const PAGE_CSP = "default-src 'none'; img-src 'self' http: https:; style-src 'self' 'unsafe-inline'";

/** The head, masthead and footer every page of the site shares, around `main`. Scripts forbidden. */
export function sitePage(site: SiteAddress, title: string, main: string): string {
  const front = siteUrl(site, '/site/');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(site.language ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(site.siteName)}" href="${escapeHtml(siteUrl(site, '/site/feed.xml'))}">`,
    `<style>${SITE_STYLE}</style>`,
    '</head>',
    '<body>',
    `<header class="masthead"><p class="site-name"><a href="${escapeHtml(front)}">${escapeHtml(site.siteName)}</a></p></header>`,
    `<main>\n${main}\n</main>`,
    `<footer class="site-footer"><p>${escapeHtml(site.siteName)} · <a href="${escapeHtml(siteUrl(site, '/site/feed.xml'))}">Atom feed</a></p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The site's front page: the latest published stories, linked, with their section, standfirst and date. */
export function frontPage(site: SiteAddress, publications: readonly Publication[]): string {
  const items = publications.map((p) => {
    const href = pageUrl(site, p.section, p.slug);
    return [
      '<li>',
      `<p class="meta"><span class="section">${escapeHtml(p.section)}</span> <time datetime="${escapeHtml(p.publishedAt)}">${escapeHtml(displayDay(p.publishedAt))}</time></p>`,
      `<h2><a href="${escapeHtml(href)}">${escapeHtml(p.headline || 'Untitled story')}</a></h2>`,
      p.standfirst ? `<p class="standfirst">${escapeHtml(p.standfirst)}</p>` : '',
      p.byline.trim() ? `<p class="meta">${escapeHtml(/^by\s/i.test(p.byline.trim()) ? p.byline.trim() : `By ${p.byline.trim()}`)}</p>` : '',
      '</li>',
    ]
      .filter(Boolean)
      .join('');
  });
  const main = [
    `<h1 class="visually-hidden">${escapeHtml(site.siteName)}: latest stories</h1>`,
    items.length ? `<ul class="stories">\n${items.join('\n')}\n</ul>` : '<p>No stories yet.</p>',
  ].join('\n');
  return sitePage(site, site.siteName, main);
}
