/**
 * Which characters a text field may hold: `line` for one-line fields (headlines, slugs, sections,
 * tags, usernames, display names), `text` for multi-line ones, which also keep tab and line breaks.
 */
export type TextKind = 'line' | 'text';

// C0 controls, DEL, C1 controls; bidi embeddings and overrides (U+202A–U+202E) and isolates
// (U+2066–U+2069), which make text display in another order than it is stored; lone surrogates.
const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LINE_BREAKS = /[\t\n\r]/g;

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** One character a field refuses, where it is, and a name for messages (`U+202E (right-to-left override)`). */
export interface UnsafeCharacter {
  index: number;
  codePoint: number;
  label: string;
}

function label(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `${hex} (a lone surrogate)`;
  const name = NAMES[codePoint] ?? (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) ? 'a control character' : undefined);
  return name ? `${hex} (${name})` : hex;
}

/** The first character of `text` that a field of `kind` refuses, or null when there is none. */
export function findUnsafeCharacter(text: string, kind: TextKind = 'line'): UnsafeCharacter | null {
  const pattern = new RegExp(kind === 'line' ? `${UNSAFE.source}|${LINE_BREAKS.source}` : UNSAFE.source, 'g');
  const match = pattern.exec(text);
  if (!match) return null;
  const codePoint = match[0].charCodeAt(0);
  return { index: match.index, codePoint, label: label(codePoint) };
}

/**
 * The message a refused field answers with, e.g. `contains U+202E (right-to-left override) at
 * position 3: control and bidi-override characters are not allowed`; null when `text` is clean.
 */
export function unsafeTextMessage(text: string, kind: TextKind = 'line'): string | null {
  const found = findUnsafeCharacter(text, kind);
  if (!found) return null;
  return `contains ${found.label} at position ${found.index + 1}: control and bidi-override characters are not allowed`;
}

/**
 * `text` without the characters a field of `kind` refuses. In a one-line field tabs and line
 * breaks become spaces (so words stay apart); everything else unsafe is removed.
 */
export function cleanText(text: string, kind: TextKind = 'line'): string {
  const cleaned = text.replace(UNSAFE, '');
  return kind === 'line' ? cleaned.replace(LINE_BREAKS, ' ') : cleaned;
}
