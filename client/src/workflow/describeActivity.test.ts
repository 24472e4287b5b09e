import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../shared/accounts.ts';
import { describeActivity, namesOf, pendingSendBack } from './describeActivity.ts';

const entry = (fields: Partial<ActivityEntry>): ActivityEntry => ({
  id: 1,
  actor: 'eve',
  action: 'transition',
  subject: null,
  from: null,
  to: null,
  note: null,
  at: '2025-01-01T00:00:00.000Z',
  ...fields,
});

const names = namesOf({
  createdBy: { username: 'Rita', displayName: 'Rita Reporter' },
  assignees: [],
  reviewer: { username: 'eve', displayName: 'Eve Editor' },
});

describe('describeActivity', () => {
  it('names transitions by their workflow action and people by display name', () => {
    expect(describeActivity(entry({ from: 'in_review', to: 'draft' }), names)).toBe('Eve Editor sent it back to draft');
    expect(describeActivity(entry({ actor: 'rita', from: 'draft', to: 'in_review' }), names)).toBe(
      'Rita Reporter submitted it for review',
    );
    expect(describeActivity(entry({ from: 'draft', to: 'published' }), names)).toBe('Eve Editor moved it to Published');
  });

  it('describes assignments and falls back to the username for unknown people', () => {
    expect(describeActivity(entry({ action: 'assign', subject: 'sam' }), names)).toBe('Eve Editor assigned sam');
    expect(describeActivity(entry({ action: 'set_reviewer', subject: null }), names)).toBe('Eve Editor removed the reviewer');
  });

  it('prefers the names the server sent with the entry', () => {
    const named = entry({ actor: 'ed', actorName: 'Ed Editor', action: 'assign', subject: 'sam', subjectName: 'Sam Stringer' });
    expect(describeActivity(named, names)).toBe('Ed Editor assigned Sam Stringer');
  });
});

describe('pendingSendBack', () => {
  const sentBack = entry({ id: 2, from: 'in_review', to: 'draft', note: 'Check the quote.' });
  it('is the last transition when it sent a still-draft story back', () => {
    expect(pendingSendBack({ status: 'draft' }, [entry({ from: 'draft', to: 'in_review' }), sentBack])).toBe(sentBack);
  });
  it('is null once the story moved on, or when the last transition was something else', () => {
    expect(pendingSendBack({ status: 'in_review' }, [sentBack])).toBeNull();
    expect(pendingSendBack({ status: 'draft' }, [sentBack, entry({ id: 3, from: 'approved', to: 'draft' })])).toBeNull();
  });
});
