import type { Article, ArticleSummary, Presence, StoryPerson } from '../../shared/api.ts';
import { allowedTransitions, canEdit, isStoryOwner } from '../../shared/workflow.ts';
import type { StoryPeople } from '../storage/ArticleMembers.ts';
import type { ArticleRecord } from '../storage/ArticleStore.ts';
import type { UserRecord } from '../storage/UserStore.ts';
import type { DisplayNames } from './displayNames.ts';

/** A story's people with display names, as the API shows them. */
export interface PresentedPeople {
  createdBy: StoryPerson | null;
  assignees: StoryPerson[];
  reviewer: StoryPerson | null;
}

/** Looks up the display names of a story's people. */
export function presentPeople(people: StoryPeople, names: DisplayNames): PresentedPeople {
  const person = (username: string): StoryPerson => ({
    username,
    displayName: names.get(username.toLowerCase()) ?? username,
  });
  return {
    createdBy: people.createdBy === null ? null : person(people.createdBy),
    assignees: people.assignees.map(person),
    reviewer: people.reviewer === null ? null : person(people.reviewer),
  };
}

/** A story row as one entry of GET /api/articles. */
export function presentArticleSummary(record: ArticleRecord, present: Presence[], people: PresentedPeople): ArticleSummary {
  return {
    id: record.id,
    headline: record.headline,
    status: record.status,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    wordCount: record.wordCount,
    present,
    createdBy: people.createdBy,
    assignees: people.assignees,
    reviewer: people.reviewer,
    spikedAt: record.spikedAt ?? null,
    spikedBy: record.spikedBy ?? null,
  };
}

/** A story as GET /api/articles/:id and POST /api/articles return it, with what `viewer` may do to it. */
export function presentArticle(
  record: ArticleRecord,
  present: Presence[],
  people: StoryPeople,
  names: DisplayNames,
  viewer: Pick<UserRecord, 'username' | 'role'>,
): Article {
  const relation = { isOwner: isStoryOwner(viewer.username, people) };
  const spiked = (record.spikedAt ?? null) !== null;
  return {
    ...presentArticleSummary(record, present, presentPeople(people, names)),
    byline: record.byline,
    slug: record.slug,
    section: record.section,
    tags: record.tags,
    // A spiked story moves nowhere and takes no edits until it is restored.
    allowedTransitions: (spiked ? [] : allowedTransitions(record.status, viewer.role, relation)).map((t) => ({
      to: t.to,
      action: t.action,
      label: t.label,
      note: t.note,
    })),
    canEdit: !spiked && canEdit(viewer.role, record.status, relation),
    requireSuggestions: record.requireSuggestions ?? false,
    assignedWords: record.assignedWords ?? null,
  };
}
