/** What an audit entry records. */
export type AuditAction =
  /** The story was created blank (`to` = its first status). */
  | 'create'
  /** The story was created from imported text or HTML (`from` = the format, `to` = its first status). */
  | 'import'
  | 'transition'
  | 'assign'
  | 'unassign'
  | 'set_reviewer'
  | 'user_created'
  | 'role_change'
  | 'display_name_change'
  | 'password_change'
  | 'user_disabled'
  | 'user_enabled'
  /** The account (`subject`) turned two-step sign-in on. */
  | 'mfa_enabled'
  /** Two-step sign-in turned off: by the account itself (`actor` = `subject`) or reset by an admin. */
  | 'mfa_disabled'
  /** The account signed in with one of its recovery codes (`to` = how many are left). */
  | 'mfa_recovery_code_used'
  /** The roles that must use two-step sign-in changed (`from`/`to`: comma-separated roles). */
  | 'mfa_policy_change'
  /** A republication of a published story (`to` = its version number); a first publication is a transition. */
  | 'publish'
  /** Taken off the public site. */
  | 'unpublish'
  /** Publication time or embargo set or cleared (`note` says which). */
  | 'schedule'
  /** A review setting changed (`subject` = `requireSuggestions` or `assignedWords`, `from`/`to` its values). */
  | 'review_settings'
  /** A refused sign-in: `actor` is the client's address (nobody is signed in), `subject` the account if one has that name, `note` why. */
  | 'sign_in_failed'
  /** Sign-ins refused for a while (429): `actor` the address, `subject` the account of a pair lock (null for the whole address), `to` when it ends. */
  | 'sign_in_throttled'
  /** The story was spiked: off the list, read-only (`note` says when a scheduled publication was cancelled). */
  | 'spike'
  /** A spiked story was put back on the list. */
  | 'unspike'
  /** A spiked story was deleted for good (`note` = its headline); this entry is all that stays of its log. */
  | 'delete'
  /** Sessions of `subject` ended by them or by an admin (`to` = how many). */
  | 'sessions_ended'
  /** One block of an old version put back into the story (`from` = the version number, `to` = replaced or inserted, `note` = the block). */
  | 'restore_block'
  /** A section joined the desk's list (`to` = its name). */
  | 'section_added'
  /** A section of the desk's list was renamed (`from`/`to` = its names). */
  | 'section_renamed'
  /** A section left the desk's list (`from` = its name); stories naming it keep their section. */
  | 'section_removed'
  /** The desk turned free-text sections off (`to` = true: sections from the list only) or on again. */
  | 'section_list_only';

/** One row of the audit log: who did what, when, to which story or account, and why. */
export interface AuditEntry {
  id: number;
  /** The story concerned, or null for account changes. */
  articleId: string | null;
  /** Username of whoever acted. */
  actor: string;
  action: AuditAction;
  /** The account acted upon (assignee, user whose role changed), if any. */
  subject: string | null;
  /** Previous and new value: statuses for a transition, roles for a role change. */
  from: string | null;
  to: string | null;
  note: string | null;
  at: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'subject' | 'from' | 'to' | 'note'> &
  Partial<Pick<AuditEntry, 'subject' | 'from' | 'to' | 'note'>>;

/** Append-only record of transitions, assignments and account changes. */
export interface AuditLog {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** A story's entries, oldest first. */
  forArticle(articleId: string): Promise<AuditEntry[]>;
  /** Entries about an account (role changes, assignments), oldest first. */
  forSubject(username: string): Promise<AuditEntry[]>;
}
