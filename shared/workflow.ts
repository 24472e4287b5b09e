import type { ArticleStatus } from './api.ts';
import type { Role } from './roles.ts';
import { isEditorial } from './roles.ts';

/** Every status a story moves through, in workflow order. */
export const STATUSES = ['draft', 'in_review', 'approved', 'published'] as const satisfies readonly ArticleStatus[];

/** Human labels for the UI. */
export const STATUS_LABELS: Readonly<Record<ArticleStatus, string>> = Object.freeze({
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  published: 'Published',
});

/** What the UI calls a transition's button, and what the audit log records. */
export type WorkflowAction = 'submit' | 'approve' | 'send_back' | 'publish' | 'reopen';

/** Whether a transition asks for a note: `required` ones are refused without one. */
export type NotePolicy = 'required' | 'optional';

/** One row of the transition table. */
export interface Transition {
  from: ArticleStatus;
  to: ArticleStatus;
  action: WorkflowAction;
  /** Button label. */
  label: string;
  /** Roles that may take it. */
  roles: readonly Role[];
  /** For reporters: only on a story they created or are assigned to. */
  ownerOnly: boolean;
  note: NotePolicy;
}

/** Longest note accepted on a transition, in characters. */
export const NOTE_MAX_LENGTH = 2000;

const EDITORIAL: readonly Role[] = ['editor', 'admin'];

/**
 * The workflow, once for both sides: the server enforces it, the client shows only what it allows.
 * The publishing issue adds what `published` produces; this table only says who may get there.
 */
export const TRANSITIONS: readonly Transition[] = Object.freeze([
  { from: 'draft', to: 'in_review', action: 'submit', label: 'Submit for review', roles: ['reporter', ...EDITORIAL], ownerOnly: true, note: 'optional' },
  { from: 'in_review', to: 'approved', action: 'approve', label: 'Approve', roles: EDITORIAL, ownerOnly: false, note: 'optional' },
  { from: 'in_review', to: 'draft', action: 'send_back', label: 'Send back', roles: EDITORIAL, ownerOnly: false, note: 'required' },
  { from: 'approved', to: 'published', action: 'publish', label: 'Publish', roles: EDITORIAL, ownerOnly: false, note: 'optional' },
  { from: 'approved', to: 'draft', action: 'reopen', label: 'Reopen', roles: EDITORIAL, ownerOnly: false, note: 'optional' },
  { from: 'published', to: 'draft', action: 'reopen', label: 'Reopen', roles: EDITORIAL, ownerOnly: false, note: 'required' },
] satisfies Transition[]);

/** Who is asking, relative to the story. */
export interface StoryRelation {
  /** The user created the story or is one of its assignees. */
  isOwner: boolean;
}

/** Why a transition was refused. The server maps `not_allowed_from_status` to 409, `note_required`/`note_too_long` to 400, the rest to 403. */
export type TransitionRefusal =
  | 'not_allowed_from_status'
  | 'role_forbidden'
  | 'not_owner'
  | 'note_required'
  | 'note_too_long';

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | { ok: false; reason: TransitionRefusal; message: string };

/** The row for `from → to`, or undefined when the table has none. */
export function findTransition(from: ArticleStatus, to: ArticleStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

function roleMay(t: Transition, role: Role, relation: StoryRelation): boolean {
  if (!t.roles.includes(role)) return false;
  // Editors and admins act on every story; ownership only narrows reporters.
  return !t.ownerOnly || isEditorial(role) || relation.isOwner;
}

/** The transitions `role` may take from `status` right now: what the UI shows as buttons. */
export function allowedTransitions(status: ArticleStatus, role: Role, relation: StoryRelation): Transition[] {
  return TRANSITIONS.filter((t) => t.from === status && roleMay(t, role, relation));
}

/**
 * Whether `role` may move a story from `from` to `to` with `note`, and if not, why.
 * A role that can take no transition at all (viewer) is refused as forbidden before the status is considered,
 * so it learns nothing from the answer.
 */
export function canTransition(
  from: ArticleStatus,
  to: ArticleStatus,
  role: Role,
  relation: StoryRelation,
  note?: string | null,
): TransitionCheck {
  if (!TRANSITIONS.some((t) => t.roles.includes(role))) {
    return { ok: false, reason: 'role_forbidden', message: `A ${role} cannot change a story's status.` };
  }
  const t = findTransition(from, to);
  if (!t) {
    return { ok: false, reason: 'not_allowed_from_status', message: `A story cannot go from ${from} to ${to}.` };
  }
  if (!t.roles.includes(role)) {
    return { ok: false, reason: 'role_forbidden', message: `A ${role} cannot ${t.action.replace('_', ' ')} a story.` };
  }
  if (!roleMay(t, role, relation)) {
    return { ok: false, reason: 'not_owner', message: 'Only the story’s creator or assignees can do that.' };
  }
  const trimmed = note?.trim() ?? '';
  if (t.note === 'required' && trimmed === '') {
    return { ok: false, reason: 'note_required', message: `${t.label} needs a note saying why.` };
  }
  if (trimmed.length > NOTE_MAX_LENGTH) {
    return { ok: false, reason: 'note_too_long', message: `A note can be at most ${NOTE_MAX_LENGTH} characters.` };
  }
  return { ok: true, transition: t };
}

/**
 * Whether `role` may change the story's content in `status`.
 * Editors and admins edit everything; reporters their own stories until approved; viewers never.
 */
export function canEdit(role: Role, status: ArticleStatus, relation: StoryRelation): boolean {
  switch (role) {
    case 'admin':
    case 'editor':
      return true;
    case 'reporter':
      return relation.isOwner && (status === 'draft' || status === 'in_review');
    case 'viewer':
      return false;
  }
}

/** Whether `username` is the story's creator or one of its assignees (case-insensitive, as usernames are). */
export function isStoryOwner(username: string, story: { createdBy: string | null; assignees: readonly string[] }): boolean {
  const me = username.toLowerCase();
  return story.createdBy?.toLowerCase() === me || story.assignees.some((a) => a.toLowerCase() === me);
}
