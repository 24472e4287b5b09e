/** Shapes of the REST API, shared by the server (which produces them) and the client (which reads them). */

import type { SearchMatch } from './search/SearchMatch.ts';
import type { NotePolicy, WorkflowAction } from './workflow.ts';

export type ArticleStatus = 'draft' | 'in_review' | 'approved' | 'published';

/** Someone in a story right now, as their awareness state says. */
export interface Presence {
  name: string;
  color: string;
}

/** An account attached to a story (creator, assignee, reviewer). */
export interface StoryPerson {
  username: string;
  displayName: string;
}

/** One row of GET /api/articles. */
export interface ArticleSummary {
  id: string;
  headline: string;
  status: ArticleStatus;
  createdAt: string;
  updatedAt: string;
  wordCount: number;
  present: Presence[];
  /** Who created the story; null for stories older than accounts. */
  createdBy: StoryPerson | null;
  /** Reporters assigned to the story, by username. */
  assignees: StoryPerson[];
  /** The reviewing editor. */
  reviewer: StoryPerson | null;
  /** With `q`: where the story matched, as text parts with the matched words marked. */
  match?: SearchMatch;
  /** When the story was spiked (taken off the list, read-only until restored); null when it is not. */
  spikedAt: string | null;
  /** Who spiked it; null when it is not spiked. */
  spikedBy: string | null;
}

/** A workflow step the signed-in user may take now: what the client shows as a button. */
export interface AllowedTransition {
  to: ArticleStatus;
  action: WorkflowAction;
  label: string;
  /** `required`: the server refuses it without a note. */
  note: NotePolicy;
}

/** GET /api/articles/:id, POST /api/articles and the transition and assignment answers. */
export interface Article extends ArticleSummary {
  byline: string;
  slug: string;
  section: string;
  tags: string[];
  /** What the signed-in user may do with the story's status right now. */
  allowedTransitions: AllowedTransition[];
  /** Whether the signed-in user's edits are accepted; open the editor read-only otherwise. */
  canEdit: boolean;
  /** While `in_review`, everyone but editors and admins must suggest (PUT /api/articles/:id/review). */
  requireSuggestions: boolean;
  /** The body length the story was assigned, in words (the desk limit); null when none was set. */
  assignedWords: number | null;
}

/** GET /api/articles: one page of the matching stories. */
export interface ArticleList {
  articles: ArticleSummary[];
  /** How many stories match, on every page together. */
  total: number;
  /** The `offset` of the next page; null on the last one. */
  nextOffset: number | null;
}

/** Every HTTP error body: `{ error: { id, message } }`. */
export interface ApiErrorBody {
  error: { id: ErrorId; message: string; details?: unknown };
}

/** Stable error ids. Clients and tools may switch on these; never rename one. */
export const ErrorId = {
  BadJson: 'bad_json',
  /** The address cannot be read: malformed percent-encoding, or U+0000 in it. */
  MalformedUrl: 'malformed_url',
  ValidationFailed: 'validation_failed',
  ArticleNotFound: 'article_not_found',
  NotFound: 'not_found',
  UnsupportedFormat: 'unsupported_format',
  PayloadTooLarge: 'payload_too_large',
  Internal: 'internal_error',
  /** No session, or it expired: sign in. */
  Unauthenticated: 'unauthenticated',
  /** Signed in, but this role or account may not do that. */
  Forbidden: 'forbidden',
  /** A state-changing request from another site. */
  CrossOrigin: 'cross_origin',
  /** Wrong username or password; one id for both, on purpose. */
  InvalidCredentials: 'invalid_credentials',
  /** The password typed to confirm a change of one's own account (turning two-step sign-in on) is wrong. */
  WrongPassword: 'wrong_password',
  /** Too many failed sign-ins; see Retry-After. */
  TooManyAttempts: 'too_many_attempts',
  /** The account asked more of the server than its request budget allows (429); see Retry-After. */
  RateLimited: 'rate_limited',
  /** The workflow does not allow that status change from the story's current status. */
  TransitionNotAllowed: 'transition_not_allowed',
  UsernameTaken: 'username_taken',
  /**
   * A new password the policy refuses (shared/password/judgePassword.ts): the message says why,
   * `details.problem` is one of too_short, too_long, contains_name, common, guessable.
   */
  PasswordTooWeak: 'password_too_weak',
  UserNotFound: 'user_not_found',
  /** The change would leave no active admin. */
  LastAdmin: 'last_admin',
  /** Publishing refused: `details` lists the problems (`{ id, message, blockIndex }[]`, shared/publish/checkPublishable.ts). */
  PublishBlocked: 'publish_blocked',
  /** The story is not on the public site (unpublish of a story that is not live). */
  NotPublished: 'not_published',
  /** Someone else published the same story at the same moment (another server): reload and look again. */
  PublishedMeanwhile: 'published_meanwhile',
  /**
   * The change is applied but the database did not store it in time (503): it is kept in memory and
   * stored once the database is writable again; nobody else sees it before.
   */
  NotStoredYet: 'not_stored_yet',
  /** The password was right and the account uses two-step sign-in: send it again with `code` (401). */
  MfaRequired: 'mfa_required',
  /** The two-step code is wrong, or was used already (each code and each recovery code works once). */
  InvalidMfaCode: 'invalid_mfa_code',
  /** The account's role requires two-step sign-in and it has not enrolled: the session may only enrol (403). */
  MfaEnrolmentRequired: 'mfa_enrolment_required',
  /** Two-step sign-in is on already: turn it off before enrolling again (409). */
  MfaAlreadyEnabled: 'mfa_already_enabled',
  /** Nothing to confirm: start an enrolment first, or it was replaced by another one (409). */
  MfaNotPending: 'mfa_not_pending',
  /** The account's stored secret does not open with this server's MFA_KEY: an admin can reset the account's two-step sign-in. */
  MfaSecretUnreadable: 'mfa_secret_unreadable',
  /** No open session of yours has that id (it ended, or it is not yours). */
  SessionNotFound: 'session_not_found',
  /** The version has no block with that index (POST …/versions/:v/blocks/restore). */
  BlockNotFound: 'block_not_found',
  /** The story is in review with suggesting required, and the user's role may only suggest: a direct change is refused (403). */
  SuggestingRequired: 'suggesting_required',
  /** The story is spiked: nothing of it changes until it is restored (409). */
  StorySpiked: 'story_spiked',
  /** Restore or delete of a story that is not spiked (409). */
  StoryNotSpiked: 'story_not_spiked',
  /** The story is on the public site: unpublish it before spiking it (409). */
  StoryLive: 'story_live',
  /** Another section of the desk's list has that name, compared case-insensitively (409). */
  SectionExists: 'section_exists',
  /** The desk's section list has no section with that id (404). */
  SectionNotFound: 'section_not_found',
  /** POST /api/backups: this server takes no backups (BACKUP_DIR unset, or PostgreSQL) (409). */
  BackupsOff: 'backups_off',
  /** POST /api/backups: the copy could not be written or failed its check (503); nothing was left behind. */
  BackupFailed: 'backup_failed',
  /** A restore waited for another server's change to the same story for too long (409): nothing changed; try again. */
  StoryBusy: 'story_busy',
  /** A restore could not ask the other servers for the story's turn (Redis unreachable, 503): nothing changed. */
  StoryLockUnavailable: 'story_lock_unavailable',
} as const;

/** One backup in BACKUP_DIR: its file name, size, and when the copy began (ISO 8601, UTC). */
export interface BackupListed {
  file: string;
  bytes: number;
  takenAt: string;
}

/** Answer of POST /api/backups: the copy written, and how long it took. */
export interface BackupResponse extends BackupListed {
  tookMs: number;
}

/** Answer of GET /api/backups: whether this server takes backups, how often, and the copies kept, newest first. */
export interface BackupsResponse {
  on: boolean;
  everyMinutes: number | null;
  keep: number | null;
  backups: BackupListed[];
}
export type ErrorId = (typeof ErrorId)[keyof typeof ErrorId];

/** Body of POST /api/articles. */
export interface CreateArticleBody {
  headline: string;
}

export const HEADLINE_MAX_LENGTH = 300;

/**
 * Why a version was kept: a workflow `transition`, an `auto` version after a period of editing,
 * a `named` version a user saved, or the state just before a `restore` replaced it.
 */
export type VersionKind = 'transition' | 'auto' | 'named' | 'restore';

/** One row of a story's history, as GET /api/articles/:id/versions lists it (newest first). */
export interface VersionSummary {
  id: number;
  articleId: string;
  /** 1 for the story's first version, n+1 for each later one. */
  number: number;
  kind: VersionKind;
  /** The user's name for a named version, or what happened ("Draft → In review"); null otherwise. */
  name: string | null;
  createdAt: string;
  /** Username of whoever caused it; null for versions the server takes on its own (auto). */
  createdBy: string | null;
  /** Usernames of everyone who edited the story since the previous version, in order of first edit. */
  editors: string[];
  wordCount: number;
}

/** Answer of POST /api/articles/:id/versions/:v/restore: the new version and the one kept just before it. */
export interface RestoreVersionResponse {
  restored: VersionSummary;
  before: VersionSummary;
}

/**
 * A top-level block of a version that differs from the current story, as GET …/versions/:v/compare?to=current
 * lists them: `block` is its index among the version's top-level blocks (0 is the headline), the reference
 * POST …/versions/:v/blocks/restore takes. `changed`: it is still in the story with other content;
 * `deleted`: it is no longer in the story.
 */
export interface RestorableBlock {
  block: number;
  status: 'changed' | 'deleted';
  /** Node type: paragraph, heading, figure, relatedLink (READ MORE), headline, standfirst, bulletList… */
  type: string;
  /** Its text (a figure's caption, a READ MORE block's label), for the list. */
  text: string;
}

/** Body of POST /api/articles/:id/versions/:v/blocks/restore. */
export interface RestoreBlockBody {
  block: number;
}

/** Answer of POST /api/articles/:id/versions/:v/blocks/restore. */
export interface RestoreBlockResponse {
  /** `replaced` where it still is, `inserted` at its old position, or `unchanged` (the story already holds it). */
  change: 'replaced' | 'inserted' | 'unchanged';
  /** Index of the block among the story's top-level blocks now. */
  at: number;
  type: string;
  /** The version kept just before (the story had unversioned changes), or null. */
  before: VersionSummary | null;
}

/**
 * Words of yours a story did not keep (an edit the server undid, words typed into a paragraph
 * deleted meanwhile), kept by the server until one of your browsers has them: GET
 * /api/articles/:id/words-back lists them oldest first, as the socket sent them
 * (shared/collab/refusalNotice.ts), with the id each was kept under.
 */
export interface WordsBackNotice {
  id: number;
  reason: string;
  /** Runs as typed; the first goes on from the last run of the notice before when `continues`. */
  words: string[];
  continues: boolean;
  followUp: boolean;
  /** ISO 8601, when the server kept it. */
  createdAt: string;
}

/** Notices GET /api/articles/:id/words-back lists at once (the oldest); a browser with more acknowledges these and asks again. */
export const WORDS_BACK_PAGE = 200;

/** Answer of GET /api/articles/:id/words-back. */
export interface WordsBackList {
  notices: WordsBackNotice[];
}

/** Body of POST /api/articles/:id/words-back/delivered: this browser has the notices `ids` (at most a listing's worth). */
export interface WordsBackDeliveredBody {
  ids: number[];
}

/** The export formats of GET /api/articles/:id/export. */
export const EXPORT_FORMATS = ['html', 'ninjs', 'md', 'json', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
