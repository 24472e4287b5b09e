/** A link to a Copydesk story: by id (the editor's `/stories/<id>`) or by its public address (`/site/<section>/<slug>`). */
export type StoryRef = { kind: 'id'; id: string } | { kind: 'site'; section: string; slug: string };

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The Copydesk story `href` points to, or null when it points elsewhere. Relative `/stories/<id>`
 * and `/site/<section>/<slug>` paths count, and so do absolute URLs on one of `ownOrigins`
 * (the public site's and the newsroom's own origins, e.g. `https://news.example.com`).
 */
export function parseStoryLink(href: string, ownOrigins: readonly string[] = []): StoryRef | null {
  let path: string;
  try {
    const url = new URL(href.trim(), 'http://copydesk.invalid');
    const relative = url.origin === 'http://copydesk.invalid' && href.trim().startsWith('/') && !href.trim().startsWith('//');
    if (!relative && !ownOrigins.some((origin) => new URL(origin).origin === url.origin)) return null;
    path = url.pathname;
  } catch {
    return null;
  }
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments[0] === 'stories' && segments.length === 2) {
    const id = decode(segments[1]!);
    return id ? { kind: 'id', id } : null;
  }
  if (segments[0] === 'site' && segments.length === 3) {
    const section = decode(segments[1]!);
    const slug = decode(segments[2]!.replace(/\.json$/, ''));
    return section && slug ? { kind: 'site', section, slug } : null;
  }
  return null;
}
