import type { PublicationInfo } from './PublicationInfo.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** An ISO 8601 UTC date-time (`2024-05-01T09:30:00.000Z`) for a date given in any form `Date` reads. */
export function isoDateTime(value: string, field: string): string {
  const time = Date.parse(value);
  if (!Number.isFinite(time)) throw new RangeError(`${field} is not a date-time: ${JSON.stringify(value)}`);
  return new Date(time).toISOString();
}

/** The publication info checked and normalized: absolute uri, ISO dates. Throws RangeError when it is unusable. */
export function checkedInfo(info: PublicationInfo): PublicationInfo {
  if (typeof info?.uri !== 'string' || !SCHEME.test(info.uri)) {
    throw new RangeError(`Publication uri must be an absolute URI, got ${JSON.stringify(info?.uri)}`);
  }
  if (info.url !== undefined && resolveUrl(info.url, undefined) === null) {
    throw new RangeError(`Publication url must be an absolute http(s) URL, got ${JSON.stringify(info.url)}`);
  }
  return {
    ...info,
    firstCreated: isoDateTime(info.firstCreated, 'firstCreated'),
    versionCreated: isoDateTime(info.versionCreated, 'versionCreated'),
    ...(info.embargoedUntil !== undefined ? { embargoedUntil: isoDateTime(info.embargoedUntil, 'embargoedUntil') } : {}),
  };
}

/** `url` made absolute against `base` (http or https only), or null when that is impossible. */
export function resolveUrl(url: string, base: string | undefined): string | null {
  try {
    const resolved = base === undefined ? new URL(url) : new URL(url, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}
