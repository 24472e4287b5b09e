/**
 * The text of a "permission denied" message (y-protocols/auth) the server sends a socket whose
 * changes it refused: the reason (a ChangesRefused id) and, for changes it undid in the story, the
 * words they typed, so the writer can paste them back. The reason comes first, alone on its line:
 * a plain y-websocket client shows the message as it is. The words follow as JSON. A notice with
 * words is kept by the server for its writer until one of her browsers has it (`id`; see
 * GET /api/articles/:id/words-back), so a socket that drops before it arrives loses nothing.
 */
export interface RefusalNotice {
  reason: string;
  /** Runs of the sender's words the server undid, as typed (spaces kept); empty when none. */
  words: string[];
  /** The first run goes on from the last run of the notice before. */
  continues: boolean;
  /** Words she typed after the undo into what it took away: not another undo. */
  followUp: boolean;
  /** The server's id of the kept notice (absent: not kept, e.g. while the database failed). */
  id?: number;
}

export function writeRefusalNotice({ reason, words, continues, followUp, id }: RefusalNotice): string {
  if (words.length === 0 && !followUp) return reason;
  return `${reason}\n${JSON.stringify(id === undefined ? { words, continues, followUp } : { words, continues, followUp, id })}`;
}

/** The same notice with the id the server kept it under. */
export function withNoticeId(text: string, id: number): string {
  return writeRefusalNotice({ ...readRefusalNotice(text), id });
}

/** Reads a notice; words that are not a list of strings are left out, the reason is kept. */
export function readRefusalNotice(text: string): RefusalNotice {
  const end = text.indexOf('\n');
  const notice: RefusalNotice = { reason: end === -1 ? text : text.slice(0, end), words: [], continues: false, followUp: false };
  if (end === -1) return notice;
  try {
    const parsed: unknown = JSON.parse(text.slice(end + 1));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return notice;
    const { words, continues, followUp, id } = parsed as Record<string, unknown>;
    notice.words = Array.isArray(words) ? words.filter((run): run is string => typeof run === 'string') : [];
    notice.continues = continues === true;
    notice.followUp = followUp === true;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) notice.id = id;
  } catch {
    // The reason is enough.
  }
  return notice;
}
