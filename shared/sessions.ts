/** One open session as GET /api/me/sessions lists it. */
export interface SessionSummary {
  /** An opaque id for DELETE /api/me/sessions/:id; it reveals nothing of the session's token. */
  id: string;
  /** Browser and system, from the User-Agent at sign-in ("Firefox on Linux"). */
  device: string;
  /** The address it signed in from; null when unknown. */
  address: string | null;
  signedInAt: string;
  /** The last use, to within about a minute. */
  lastUsedAt: string;
  /** Whether this is the session of the browser asking. */
  current: boolean;
}

/** GET /api/me/sessions: the current session first, then the others, most recently used first. */
export interface SessionList {
  sessions: SessionSummary[];
}

/** DELETE /api/me/sessions and DELETE /api/users/:username/sessions: how many sessions ended. */
export interface SessionsEnded {
  ended: number;
}
