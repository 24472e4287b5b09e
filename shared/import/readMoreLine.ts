import { safeUrl } from '../export/safeUrl.ts';

const READ_MORE = /^\s*READ\s+MORE\s*:\s*/i;
const TRAILING_URL = /^(.*?)\s*[(<[]?\s*((?:https?:\/\/|\/)[^\s<>()[\]]+)\s*[)>\]]?\s*$/i;

/** A READ MORE line taken apart: the label, and the link when the line carries a safe one. */
export interface ReadMoreLine {
  label: string;
  href: string;
}

/** True when a line of text is a READ MORE line ("READ MORE: ...", any case). */
export function isReadMoreLine(line: string): boolean {
  return READ_MORE.test(line);
}

/**
 * Parses "READ MORE: label", "READ MORE: label (https://...)" or "READ MORE: https://...".
 * Returns null for any other line. `href` is '' when no safe URL is given: the desk links it later.
 */
export function parseReadMoreLine(line: string): ReadMoreLine | null {
  if (!READ_MORE.test(line)) return null;
  const rest = line.replace(READ_MORE, '').replace(/\s+/g, ' ').trim();
  const match = TRAILING_URL.exec(rest);
  const url = match?.[2] ? safeUrl(match[2]) : null;
  if (match && url !== null) {
    const label = (match[1] ?? '').replace(/\s*[-–—:|]\s*$/, '').trim();
    return { label: label || url, href: url };
  }
  return { label: rest, href: '' };
}
