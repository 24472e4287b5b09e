/**
 * Which copies of stories on this device hold changes the server has not stored, as marks per copy
 * and per open session of it (a tab), each with the time it was last set. A session clears its own
 * mark once the server confirmed its save, and with it the marks of sessions whose changes it holds
 * too: those set well before it loaded the device copy, and those of sessions closed before it
 * loaded it (their changes were in the copy it read). A tab's changes that another tab's save did
 * not include keep their mark. Pure: the caller stores them.
 */

/** Copy name → session id → when the session last marked it (ms since the epoch). */
export type UnsavedMarks = Record<string, Record<string, number>>;

/** A session refreshes its mark at most this often (ms)... */
export const MARK_REFRESH_MS = 1000;
/** ...so a mark set this long before a session loaded the copy is older than every change it stands for, and those were written to the copy (ms). */
export const LOADED_MARGIN_MS = 3000;

/** The session id of marks written before marks were per session: cleared by the next confirmed save of the copy. */
export const EARLIER_SESSION = 'earlier';

/** Reads stored marks; the earlier list of copy names counts as marks of an earlier session. */
export function parseMarks(raw: unknown): UnsavedMarks {
  const marks: UnsavedMarks = {};
  if (Array.isArray(raw)) {
    for (const name of raw) if (typeof name === 'string') marks[name] = { [EARLIER_SESSION]: 0 };
    return marks;
  }
  if (!raw || typeof raw !== 'object') return marks;
  for (const [name, sessions] of Object.entries(raw as Record<string, unknown>)) {
    if (!sessions || typeof sessions !== 'object') continue;
    const kept: Record<string, number> = {};
    for (const [session, at] of Object.entries(sessions as Record<string, unknown>)) if (typeof at === 'number') kept[session] = at;
    if (Object.keys(kept).length > 0) marks[name] = kept;
  }
  return marks;
}

/** `marks` with `session`'s mark on copy `name` set at `now`. */
export function withMark(marks: UnsavedMarks, name: string, session: string, now: number): UnsavedMarks {
  return { ...marks, [name]: { ...marks[name], [session]: now } };
}

/**
 * `marks` once `session` saved everything it holds of copy `name`: its own mark goes, and, when it
 * loaded the copy (starting at `loadedAt`; null if it has not), every mark set LOADED_MARGIN_MS or
 * more before that, and those of the sessions in `closedAtLoad` (closed before it loaded the copy).
 */
export function withoutMarks(
  marks: UnsavedMarks,
  name: string,
  session: string,
  loadedAt: number | null,
  closedAtLoad: ReadonlySet<string> = new Set(),
): UnsavedMarks {
  const sessions = marks[name];
  if (!sessions) return marks;
  const held = (other: string, at: number) =>
    loadedAt !== null && (at <= loadedAt - LOADED_MARGIN_MS || closedAtLoad.has(other));
  const kept = Object.fromEntries(Object.entries(sessions).filter(([other, at]) => other !== session && !held(other, at)));
  const next = { ...marks };
  if (Object.keys(kept).length > 0) next[name] = kept;
  else delete next[name];
  return next;
}

/** The sessions with a mark on copy `name`. */
export function markingSessions(marks: UnsavedMarks, name: string): string[] {
  return Object.keys(marks[name] ?? {});
}

/** The copies marked by any session. */
export function markedNames(marks: UnsavedMarks): Set<string> {
  return new Set(Object.keys(marks));
}
