/** How much of a User-Agent header a session keeps. */
export const USER_AGENT_MAX_LENGTH = 512;

const BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bChromium\//, 'Chromium'],
  [/\b(?:Headless)?Chrome\/|\bCriOS\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

// iOS and Android before macOS and Linux: their User-Agents also say "Mac OS X" and "Linux".
const SYSTEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bWindows\b/, 'Windows'],
  [/\biPhone\b|\biPad\b|\biPod\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMacintosh\b|\bMac OS X\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

/**
 * A User-Agent header as a session keeps it: control characters removed, cut to
 * USER_AGENT_MAX_LENGTH, null when nothing is left.
 */
export function storedUserAgent(header: string | undefined): string | null {
  if (header === undefined) return null;
  const cleaned = header.replace(/[\p{Cc}\p{Bidi_Control}]/gu, '').trim().slice(0, USER_AGENT_MAX_LENGTH);
  return cleaned === '' ? null : cleaned;
}

/**
 * Browser and system named by a User-Agent, from a fixed vocabulary ("Firefox on Linux"), so
 * nothing the client wrote is shown as it was sent. A tool's plain product name (`curl/8.5.0` →
 * "curl") when no browser is recognised (only a short word of letters, digits, `.`, `_` or `-`); "Unknown device" when there is nothing to go on.
 */
export function deviceLabel(userAgent: string | null): string {
  if (userAgent === null) return 'Unknown device';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? toolName(userAgent);
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  if (browser === null) return system === null ? 'Unknown device' : `Unknown browser on ${system}`;
  return system === null ? browser : `${browser} on ${system}`;
}

function toolName(userAgent: string): string | null {
  const product = /^([A-Za-z][A-Za-z0-9._-]{0,31})(?:\/|\s|$)/.exec(userAgent)?.[1];
  return product && product !== 'Mozilla' ? product : null;
}
