import { summarize } from '../../shared/article/summarize.ts';
import type { ArticleJson } from '../../shared/article/ArticleJson.ts';
import type { PublicationInfo } from '../../shared/export/PublicationInfo.ts';
import type { ArticleRecord } from '../storage/ArticleStore.ts';
import type { PublishDeps } from './PublishDeps.ts';
import { articleUri, desiredAddress, pageUrl, siteUrl } from './siteAddress.ts';

/**
 * What an export of the story as it is now says about its publication: its stable uri, the page
 * it has (or would get), its dates, `usable` while it is on the site and `withheld` otherwise,
 * and an embargo still in force.
 */
export async function exportInfo(
  deps: Pick<PublishDeps, 'publications' | 'slugs' | 'schedule' | 'site' | 'clock'>,
  record: ArticleRecord,
  article: ArticleJson,
): Promise<PublicationInfo> {
  const now = deps.clock.now().toISOString();
  const latest = await deps.publications.latest(record.id);
  const live = (await deps.publications.siteState(record.id))?.state === 'live';
  const address = (await deps.slugs.current(record.id)) ?? desiredAddress(article.meta, summarize(article).headline, record.id);
  const embargo = (await deps.schedule.get(record.id))?.embargoUntil ?? null;
  const firstCreated = latest?.firstPublishedAt ?? record.createdAt;
  return {
    uri: articleUri(deps.site, record.id),
    url: pageUrl(deps.site, address.section, address.slug),
    firstCreated,
    versionCreated: record.updatedAt > firstCreated ? record.updatedAt : firstCreated,
    pubStatus: live ? 'usable' : 'withheld',
    ...(embargo !== null && embargo > now ? { embargoedUntil: embargo } : {}),
    ...(latest ? { version: latest.version } : {}),
    siteName: deps.site.siteName,
    siteUrl: siteUrl(deps.site, '/site/'),
    ...(deps.site.language ? { language: deps.site.language } : {}),
  };
}
