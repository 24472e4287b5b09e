import type { ActivityEntry } from '../../../shared/accounts.ts';
import type { Article, ArticleStatus } from '../../../shared/api.ts';
import { STATUSES, STATUS_LABELS, findTransition } from '../../../shared/workflow.ts';
import { formatDateTime } from '../format/formatDateTime.ts';

const isStatus = (value: string): value is ArticleStatus => (STATUSES as readonly string[]).includes(value);

/** Display names of the people a story knows, by lower-cased username. */
export function namesOf(article: Pick<Article, 'createdBy' | 'assignees' | 'reviewer'>): Map<string, string> {
  const names = new Map<string, string>();
  for (const person of [article.createdBy, article.reviewer, ...article.assignees]) {
    if (person) names.set(person.username.toLowerCase(), person.displayName);
  }
  return names;
}

const VERBS = {
  submit: 'submitted it for review',
  approve: 'approved it',
  send_back: 'sent it back to draft',
  publish: 'published it',
  reopen: 'reopened it',
} as const;

const IMPORT_FORMATS: Record<string, string> = { text: 'text', html: 'HTML' };

/** A moment as the reader's locale writes it: "12 Mar 2025, 14:30" (see formatDateTime). */
export function formatMoment(iso: string): string {
  return formatDateTime(iso);
}

// The server writes a schedule entry's embargo only into its note ("Embargo until <ISO time>").
const EMBARGO_IN_NOTE = /Embargo until (\S+)/;

function describeSchedule(actor: string, entry: ActivityEntry): string {
  const embargo = entry.note ? EMBARGO_IN_NOTE.exec(entry.note)?.[1] : undefined;
  const parts = [
    entry.to ? `scheduled publication for ${formatMoment(entry.to)}` : null,
    embargo ? `set an embargo until ${formatMoment(embargo)}` : null,
  ].filter((part) => part !== null);
  if (parts.length === 0) return `${actor} cleared the publication time and embargo`;
  return `${actor} ${parts.join(' and ')}`;
}

function describeReviewSettings(actor: string, entry: ActivityEntry): string {
  const setting = entry.subject ?? (entry.to === 'true' || entry.to === 'false' ? 'requireSuggestions' : 'assignedWords');
  if (setting === 'requireSuggestions') {
    return entry.to === 'true' ? `${actor} required suggesting mode for changes in review` : `${actor} stopped requiring suggesting mode`;
  }
  return entry.to === null ? `${actor} cleared the assigned length` : `${actor} set the assigned length to ${entry.to} words`;
}

/** One activity entry as a sentence: "Eve Editor sent it back to draft". Names come from the entry, else from `names`. */
export function describeActivity(entry: ActivityEntry, names: ReadonlyMap<string, string>): string {
  const name = (username: string | null) => (username === null ? 'someone' : (names.get(username.toLowerCase()) ?? username));
  const actor = entry.actorName ?? name(entry.actor);
  const subject = entry.subjectName ?? name(entry.subject);
  switch (entry.action) {
    case 'create':
      return `${actor} created the story`;
    case 'import':
      return `${actor} created the story from imported ${(entry.from && IMPORT_FORMATS[entry.from]) ?? 'content'}`;
    case 'transition': {
      const { from, to } = entry;
      const transition = from && to && isStatus(from) && isStatus(to) ? findTransition(from, to) : undefined;
      if (transition) return `${actor} ${VERBS[transition.action]}`;
      return `${actor} moved it to ${to && isStatus(to) ? STATUS_LABELS[to] : (to ?? 'another status')}`;
    }
    case 'assign':
      return `${actor} assigned ${subject}`;
    case 'unassign':
      return `${actor} unassigned ${subject}`;
    case 'set_reviewer':
      return entry.subject === null ? `${actor} removed the reviewer` : `${actor} made ${subject} the reviewer`;
    case 'publish':
      return entry.to ? `${actor} republished it as version ${entry.to}` : `${actor} republished it`;
    case 'unpublish':
      return entry.to === 'approved' ? `${actor} took it off the public site; it is approved again` : `${actor} took it off the public site`;
    case 'spike':
      return `${actor} spiked it`;
    case 'unspike':
      return `${actor} restored it from the spike`;
    case 'schedule':
      return describeSchedule(actor, entry);
    case 'review_settings':
      return describeReviewSettings(actor, entry);
    case 'restore_block':
      return `${actor} ${entry.to === 'inserted' ? 'put back' : 'restored'} a ${entry.note ?? 'block'} from version ${entry.from ?? '?'}`;
    default:
      return `${actor}: ${entry.action.replaceAll('_', ' ')}`;
  }
}

/**
 * The note to show under an entry: what a person wrote (a send-back, a correction), never the
 * server's own summary of a schedule or a review setting, which the sentence already says.
 */
export function activityNote(entry: ActivityEntry): string | null {
  return entry.action === 'schedule' || entry.action === 'review_settings' || entry.action === 'restore_block' ? null : entry.note;
}

/** The send-back a reporter must read: the last transition, when it sent the story back to draft and it still is. */
export function pendingSendBack(article: Pick<Article, 'status'>, activity: readonly ActivityEntry[]): ActivityEntry | null {
  if (article.status !== 'draft') return null;
  const last = activity.findLast((entry) => entry.action === 'transition');
  return last && last.from === 'in_review' && last.to === 'draft' ? last : null;
}
