import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../shared/accounts.ts';
import { describeActivity, namesOf } from './describeActivity.ts';
import { readOnlyReason } from './readOnlyReason.ts';

const entry = (fields: Partial<ActivityEntry>): ActivityEntry => ({ id: 1, actor: 'eve', action: 'spike', subject: null, from: null, to: null, note: null, at: '2025-01-01T00:00:00.000Z', ...fields });
const names = namesOf({ createdBy: null, assignees: [], reviewer: { username: 'eve', displayName: 'Eve Editor' } });

describe('spiking in the activity and the read-only banner', () => {
  it('words spike, restore and an unpublish that made the story approved again', () => {
    expect(describeActivity(entry({ action: 'spike' }), names)).toBe('Eve Editor spiked it');
    expect(describeActivity(entry({ action: 'unspike' }), names)).toBe('Eve Editor restored it from the spike');
    expect(describeActivity(entry({ action: 'unpublish', from: 'published', to: 'approved' }), names)).toBe('Eve Editor took it off the public site; it is approved again');
  });

  it('says a spiked story is read-only until restored, even for an editor', () => {
    const article = {
      id: 's',
      headline: 'H',
      status: 'draft' as const,
      createdAt: '',
      updatedAt: '',
      wordCount: 0,
      present: [],
      createdBy: null,
      assignees: [],
      reviewer: null,
      spikedAt: '2025-01-01T00:00:00.000Z',
      spikedBy: 'eve',
      byline: '',
      slug: '',
      section: '',
      tags: [],
      allowedTransitions: [],
      canEdit: false,
      requireSuggestions: false,
      assignedWords: null,
    };
    expect(readOnlyReason({ username: 'eve', role: 'editor' }, article)).toBe('Read only: this story is spiked. Restore it to edit it again.');
    expect(readOnlyReason({ username: 'eve', role: 'editor' }, { ...article, spikedAt: null, canEdit: true })).toBeNull();
  });
});
