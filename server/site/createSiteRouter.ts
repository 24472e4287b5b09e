import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import { escapeHtml } from '../../shared/export/escapeHtml.ts';
import { toFeed } from '../../shared/export/toFeed.ts';
import { clientError } from '../http/clientError.ts';
import { refuseNulInUrl } from '../http/refuseNul.ts';
import type { Clock } from '../publish/Clock.ts';
import { visiblePublication } from '../publish/linkedStories.ts';
import { articleUri, pageUrl, siteUrl, type SiteAddress } from '../publish/siteAddress.ts';
import type { PublicationStore, SlugStore } from '../storage/PublicationStore.ts';
import { frontPage, sitePage } from './frontPage.ts';

/** What the public site reads: publications and addresses only, never a story's live document. */
export interface SiteDeps {
  publications: PublicationStore;
  slugs: SlugStore;
  clock: Clock;
  site: SiteAddress;
  /** Stories on the front page and in the feed. */
  frontPageSize?: number;
}

const PAGE_CSP = "default-src 'none'; img-src 'self' http: https:; style-src 'self' 'unsafe-inline'";

function send(res: Response, status: number, type: string, body: string): void {
  res.status(status);
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Unpublishing and embargoes must take effect at once: caches revalidate every time.
  res.setHeader('Cache-Control', 'no-cache');
  res.send(body);
}

function notice(res: Response, site: SiteAddress, status: number, title: string, text: string): void {
  const main = `<div class="notice">\n<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>\n<p><a href="${escapeHtml(siteUrl(site, '/site/'))}">Go to the front page</a></p>\n</div>`;
  send(res, status, 'text/html; charset=utf-8', sitePage(site, `${title} | ${site.siteName}`, main));
}

/**
 * The public site, without a session: `/` (front page), `/feed.xml` (Atom), `/:section/:slug`
 * (the exact published page) and `/:section/:slug.json` (its ninjs). Mount it at `/site`.
 * Only the latest publication of a live story whose embargo has lifted is ever served; an old
 * address answers 301 to the current one, an unpublished story 410, anything else 404.
 */
export function createSiteRouter(deps: SiteDeps): Router {
  const router = express.Router({ strict: false });
  const limit = deps.frontPageSize ?? 30;
  const now = () => deps.clock.now().toISOString();
  router.use(refuseNulInUrl);

  router.get('/', async (req, res) => {
    if (req.originalUrl.split('?')[0] === '/site') {
      res.redirect(301, '/site/');
      return;
    }
    send(res, 200, 'text/html; charset=utf-8', frontPage(deps.site, await deps.publications.visible(now(), limit)));
  });

  router.get('/feed.xml', async (_req, res) => {
    const at = now();
    const visible = await deps.publications.visible(at, limit);
    const feed = toFeed({
      title: deps.site.siteName,
      siteUrl: siteUrl(deps.site, '/site/'),
      feedUrl: siteUrl(deps.site, '/site/feed.xml'),
      generatedAt: at,
      entries: visible.map((p) => ({
        id: articleUri(deps.site, p.articleId),
        title: p.headline,
        url: pageUrl(deps.site, p.section, p.slug),
        published: p.firstPublishedAt,
        updated: p.publishedAt,
        summary: p.standfirst,
        author: p.byline,
        section: p.section,
        tags: p.tags,
      })),
    });
    send(res, 200, 'application/atom+xml; charset=utf-8', feed);
  });

  router.get('/:section/:page', async (req: Request<{ section: string; page: string }>, res) => {
    const { section } = req.params;
    const json = req.params.page.endsWith('.json');
    const slug = json ? req.params.page.slice(0, -'.json'.length) : req.params.page;
    const address = await deps.slugs.resolve(section, slug);
    if (!address) {
      notice(res, deps.site, 404, 'Not found', 'There is no story at this address.');
      return;
    }
    const at = now();
    const state = await deps.publications.siteState(address.articleId);
    const latest = await deps.publications.latest(address.articleId);
    // Before the embargo lifts (or before any publication) the address does not exist, as far as readers know.
    const embargoed = latest?.embargoUntil != null && latest.embargoUntil > at;
    if (!latest || !state || embargoed) {
      notice(res, deps.site, 404, 'Not found', 'There is no story at this address.');
      return;
    }
    if (state.state === 'unpublished') {
      notice(res, deps.site, 410, 'Story removed', 'This story has been removed from the site.');
      return;
    }
    const live = (await visiblePublication(deps, address.articleId, at))!;
    if (!address.current || live.section !== section || live.slug !== slug) {
      res.redirect(301, `/site/${encodeURIComponent(live.section)}/${encodeURIComponent(live.slug)}${json ? '.json' : ''}`);
      return;
    }
    if (json) send(res, 200, 'application/json; charset=utf-8', JSON.stringify(live.ninjs));
    else send(res, 200, 'text/html; charset=utf-8', live.html);
  });

  router.use(clientErrorPage(deps.site));
  return router;
}

/** A reader's mistake (an address that cannot be decoded) is an HTML page with its 4xx status; anything else goes on to the server's error handler. */
function clientErrorPage(site: SiteAddress): ErrorRequestHandler {
  return (error, _req, res, next) => {
    const client = clientError(error);
    if (!client || res.headersSent) {
      next(error);
      return;
    }
    if (client.status === 400) notice(res, site, 400, 'Bad request', 'This address cannot be read. Check it and try again.');
    else notice(res, site, client.status, 'Bad request', client.message);
  };
}
