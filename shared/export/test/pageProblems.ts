import { Window } from 'happy-dom';

/** Elements a published page may contain: anything else came from somewhere it should not have. */
const ALLOWED = new Set(
  'html head meta title link style script body header main footer article aside section nav h1 h2 h3 p a strong em br hr ul ol li blockquote figure figcaption img span time div'.split(' '),
);
const URL_SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The page parsed the way a browser parses it. */
export function parsePage(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/**
 * What keeps `html` from being a valid, safe HTML5 news page, as readable breaches (empty when it
 * is one): doctype, `lang`, `<meta charset>` first, one title, one `<h1>`, unique ids, allow-listed
 * elements, no event attributes, only http(s)/mailto/relative URLs, nothing left empty by
 * misnesting, NewsArticle JSON-LD and Open Graph tags when `kind` is `article`.
 */
export function pageProblems(html: string, kind: 'article' | 'page'): string[] {
  const problems: string[] = [];
  if (!/^<!DOCTYPE html>\n/.test(html)) problems.push('no HTML5 doctype first');
  const doc = parsePage(html);
  const root = doc.documentElement;
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(root.getAttribute('lang') ?? '')) problems.push('no lang on <html>');
  const first = doc.head.firstElementChild;
  if (first?.tagName !== 'META' || (first.getAttribute('charset') ?? '').toLowerCase() !== 'utf-8') problems.push('<meta charset="utf-8"> is not first in <head>');
  const titles = doc.querySelectorAll('title');
  if (titles.length !== 1 || !titles[0]?.textContent?.trim()) problems.push(`${titles.length} titles`);
  const h1s = doc.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`${h1s.length} <h1>`);
  const ids = new Set<string>();
  for (const element of doc.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (!ALLOWED.has(tag)) problems.push(`<${tag}> is not allowed`);
    if (tag === 'script' && element.getAttribute('type') !== 'application/ld+json') problems.push('a <script> that is not JSON-LD');
    for (const name of element.getAttributeNames()) {
      if (/^on/i.test(name)) problems.push(`<${tag}> has an event attribute ${name}`);
    }
    for (const name of ['href', 'src']) {
      const value = element.getAttribute(name);
      const scheme = value === null ? undefined : URL_SCHEME.exec(value.trim())?.[1]?.toLowerCase();
      if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)) problems.push(`<${tag} ${name}> uses ${scheme}:`);
    }
    const id = element.getAttribute('id');
    if (id !== null) {
      if (ids.has(id)) problems.push(`duplicate id ${id}`);
      ids.add(id);
    }
    // A block element inside <p> makes the parser close the paragraph and leave an empty one behind.
    if (tag === 'p' && element.childNodes.length === 0) problems.push('an empty <p> (misnested markup?)');
    if (tag === 'img' && !element.hasAttribute('alt')) problems.push('<img> without alt');
  }
  if (kind === 'article') {
    const ld = doc.querySelectorAll('script[type="application/ld+json"]');
    if (ld.length !== 1) problems.push(`${ld.length} JSON-LD blocks`);
    try {
      const data = JSON.parse(ld[0]?.textContent ?? '') as Record<string, unknown>;
      if (data['@context'] !== 'https://schema.org' || data['@type'] !== 'NewsArticle') problems.push('JSON-LD is not a schema.org NewsArticle');
      for (const field of ['headline', 'datePublished', 'dateModified']) {
        if (typeof data[field] !== 'string' || data[field] === '') problems.push(`JSON-LD has no ${field}`);
      }
      for (const field of ['datePublished', 'dateModified']) {
        if (typeof data[field] === 'string' && Number.isNaN(Date.parse(data[field] as string))) problems.push(`JSON-LD ${field} is not a date`);
      }
    } catch {
      problems.push('JSON-LD is not JSON');
    }
    for (const property of ['og:type', 'og:title', 'og:url']) {
      if (!doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content')) problems.push(`no ${property}`);
    }
    if (doc.querySelectorAll('article').length !== 1) problems.push('not exactly one <article>');
  }
  return problems;
}
