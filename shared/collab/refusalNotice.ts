/**
 * The text of a "permission denied" message (y-protocols/auth) the server sends a socket whose
 * changes it refused: the reason (a ChangesRefused id) and, for changes it undid in the story, the
 * words they typed, so the writer can paste them back (one string per run of text). The reason comes
 * first, alone on its line: a plain y-websocket client shows the message as it is.
 */
export interface RefusalNotice {
  reason: string;
  /** Words of the sender's that the server undid, in story order; empty when none (or kept on the device). */
  words: string[];
}

export function writeRefusalNotice({ reason, words }: RefusalNotice): string {
  return words.length === 0 ? reason : `${reason}\n${JSON.stringify(words)}`;
}

/** Reads a notice; words that are not a JSON list of strings are left out, the reason is kept. */
export function readRefusalNotice(text: string): RefusalNotice {
  const end = text.indexOf('\n');
  if (end === -1) return { reason: text, words: [] };
  const reason = text.slice(0, end);
  try {
    const parsed: unknown = JSON.parse(text.slice(end + 1));
    const words = Array.isArray(parsed) ? parsed.filter((run): run is string => typeof run === 'string' && run !== '') : [];
    return { reason, words };
  } catch {
    return { reason, words: [] };
  }
}
