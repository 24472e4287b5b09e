import { slugify } from '../../shared/article/slugify.ts';
import type { ArticleMeta } from '../../shared/collab/docFields.ts';

/** The public site: where its pages live and what it is called. */
export interface SiteAddress {
  /** Absolute origin (and optional path prefix) of the public site, e.g. `https://news.example.com`. */
  baseUrl: string;
  siteName: string;
  /** BCP 47 language of the stories. */
  language?: string;
}

/** Section used in the address of a story that has none. */
export const DEFAULT_SECTION = 'news';

function base(site: SiteAddress): string {
  return site.baseUrl.replace(/\/+$/, '');
}

/** The story's stable identifier (ninjs `uri`, Atom id): it never changes with the slug. */
export function articleUri(site: SiteAddress, articleId: string): string {
  return `${base(site)}/copydesk/articles/${encodeURIComponent(articleId)}`;
}

/** Absolute URL of a public page. */
export function pageUrl(site: SiteAddress, section: string, slug: string): string {
  return `${base(site)}/site/${encodeURIComponent(section)}/${encodeURIComponent(slug)}`;
}

/** Absolute URL of anything under the site, e.g. `siteUrl(site, '/site/feed.xml')`. */
export function siteUrl(site: SiteAddress, path: string): string {
  return `${base(site)}${path}`;
}

/** The address a story asks for: its section and slug made URL-safe, falling back to the headline and the id. */
export function desiredAddress(meta: ArticleMeta, headline: string, articleId: string): { section: string; slug: string } {
  return {
    section: slugify(meta.section) || DEFAULT_SECTION,
    slug: slugify(meta.slug) || slugify(headline) || slugify(articleId) || 'story',
  };
}
