import type { ActivityEntry } from '../../../shared/accounts.ts';
import type { Article, ArticleStatus } from '../../../shared/api.ts';
import { STATUSES, STATUS_LABELS, findTransition } from '../../../shared/workflow.ts';

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

/** One activity entry as a sentence: "Eve Editor sent it back to draft". Names come from the entry, else from `names`. */
export function describeActivity(entry: ActivityEntry, names: ReadonlyMap<string, string>): string {
  const name = (username: string | null) => (username === null ? 'someone' : (names.get(username.toLowerCase()) ?? username));
  const actor = entry.actorName ?? name(entry.actor);
  const subject = entry.subjectName ?? name(entry.subject);
  switch (entry.action) {
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
    default:
      return `${actor}: ${entry.action.replaceAll('_', ' ')}`;
  }
}

/** The send-back a reporter must read: the last transition, when it sent the story back to draft and it still is. */
export function pendingSendBack(article: Pick<Article, 'status'>, activity: readonly ActivityEntry[]): ActivityEntry | null {
  if (article.status !== 'draft') return null;
  const last = activity.findLast((entry) => entry.action === 'transition');
  return last && last.from === 'in_review' && last.to === 'draft' ? last : null;
}
