/** What a request that reads or rebuilds a whole story costs, in points of its account's budget. */
export const HEAVY_REQUEST_POINTS = 10;

/**
 * Requests that read, render or rebuild a whole story, or store a copy of it: an export or preview,
 * comparing two versions, keeping or restoring a version, importing, publishing. The editor page's
 * own refreshes (the story, its authorship, comments) are not among them: a journalist's open tabs
 * ask for those every few seconds while she types.
 */
const HEAVY: ReadonlyArray<readonly [method: string, path: RegExp]> = [
  ['GET', /^\/articles\/[^/]+\/(export|preview)$/],
  ['GET', /^\/articles\/[^/]+\/versions\/[^/]+\/compare$/],
  ['POST', /^\/articles\/[^/]+\/versions(\/[^/]+\/(restore|blocks\/restore))?$/],
  ['POST', /^\/articles\/import$/],
  ['POST', /^\/articles\/[^/]+\/publish$/],
];

/** What a request to the API costs, `path` relative to /api: 1 point, or HEAVY_REQUEST_POINTS. */
export function requestCost(method: string, path: string): number {
  for (const [heavyMethod, pattern] of HEAVY) if (method === heavyMethod && pattern.test(path)) return HEAVY_REQUEST_POINTS;
  return 1;
}
