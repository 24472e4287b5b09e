/** Schemes a link or image may use. Anything else with a scheme is refused. */
export const SAFE_URL_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/** Longer URLs are refused: no story needs them and they are a favourite of payloads. */
export const MAX_URL_LENGTH = 4096;

// Browsers drop leading/trailing C0 controls and spaces and remove tabs and newlines anywhere,
// so `java\nscript:` and ` \x01javascript:` both reach the javascript: scheme.
// eslint-disable-next-line no-control-regex
const STRIPPED_BY_BROWSERS = /[\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  amp: '&',
  lpar: '(',
  rpar: ')',
  period: '.',
  num: '#',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
};

/**
 * Decodes numeric and the punctuation-like named character references, the ones used to smuggle
 * a scheme past a naive check (`javascript&colon;`, `&#106;avascript:`). Used only to decide, never
 * to produce output.
 */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function hasSafeScheme(candidate: string): boolean {
  const scheme = SCHEME.exec(candidate)?.[1];
  return scheme === undefined || SAFE_URL_SCHEMES.includes(scheme.toLowerCase());
}

/**
 * The URL to emit for a link or image, or null when it must not come out.
 * Allows http, https, mailto and relative URLs (`/stories/abc`, `#notes`, `other-story`);
 * refuses every other scheme (javascript:, data:, vbscript:, file:, ...) including when disguised
 * by case, whitespace, control characters or character references. The result has the characters
 * browsers would ignore removed.
 */
export function safeUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const cleaned = raw.replace(STRIPPED_BY_BROWSERS, '').trim();
  if (cleaned === '' || cleaned.length > MAX_URL_LENGTH) return null;
  let candidate = cleaned;
  // Decode repeatedly: some renderers (Markdown, templating) decode a reference once more.
  for (let round = 0; round < 4; round += 1) {
    if (!hasSafeScheme(candidate)) return null;
    const next = decodeEntities(candidate).replace(STRIPPED_BY_BROWSERS, '').trim();
    if (next === candidate) break;
    candidate = next;
  }
  if (!hasSafeScheme(candidate)) return null;
  return cleaned;
}
