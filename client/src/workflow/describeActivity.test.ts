import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../shared/accounts.ts';
import { activityNote, describeActivity, formatMoment, namesOf, pendingSendBack } from './describeActivity.ts';

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

  it('says which block of which version was restored, without repeating it as a note', () => {
    const replaced = entry({ action: 'restore_block', from: '3', to: 'replaced', note: 'paragraph “The council met.”' });
    expect(describeActivity(replaced, names)).toBe('Eve Editor restored a paragraph “The council met.” from version 3');
    expect(describeActivity({ ...replaced, to: 'inserted', note: 'figure' }, names)).toBe('Eve Editor put back a figure from version 3');
    expect(activityNote(replaced)).toBeNull();
  });

  it('prefers the names the server sent with the entry', () => {
    const named = entry({ actor: 'ed', actorName: 'Ed Editor', action: 'assign', subject: 'sam', subjectName: 'Sam Stringer' });
    expect(describeActivity(named, names)).toBe('Ed Editor assigned Sam Stringer');
  });
});

describe('describeActivity for creation, publishing and review settings', () => {
  it('says who created or imported the story', () => {
    expect(describeActivity(entry({ actor: 'rita', action: 'create', to: 'draft' }), names)).toBe('Rita Reporter created the story');
    expect(describeActivity(entry({ actor: 'rita', action: 'import', from: 'html', to: 'draft' }), names)).toBe(
      'Rita Reporter created the story from imported HTML',
    );
  });

  it('words republication and unpublication, keeping the correction as the note', () => {
    const republished = entry({ action: 'publish', to: '3', note: 'The figure was wrong.' });
    expect(describeActivity(republished, names)).toBe('Eve Editor republished it as version 3');
    expect(activityNote(republished)).toBe('The figure was wrong.');
    expect(describeActivity(entry({ action: 'unpublish' }), names)).toBe('Eve Editor took it off the public site');
  });

  it('words a schedule with local times instead of showing the server summary', () => {
    const publishAt = '2030-05-01T08:00:00.000Z';
    const embargo = '2030-05-01T06:00:00.000Z';
    const both = entry({ action: 'schedule', to: publishAt, note: `Publish at ${publishAt}; Embargo until ${embargo}` });
    expect(describeActivity(both, names)).toBe(
      `Eve Editor scheduled publication for ${formatMoment(publishAt)} and set an embargo until ${formatMoment(embargo)}`,
    );
    expect(activityNote(both)).toBeNull();
    expect(describeActivity(entry({ action: 'schedule', to: null, note: `Embargo until ${embargo}` }), names)).toBe(
      `Eve Editor set an embargo until ${formatMoment(embargo)}`,
    );
    expect(describeActivity(entry({ action: 'schedule', to: null, note: 'No publication time, no embargo' }), names)).toBe(
      'Eve Editor cleared the publication time and embargo',
    );
    expect(formatMoment(publishAt)).not.toContain('T08:00');
  });

  it('words each review setting', () => {
    const setting = (subject: string, from: string | null, to: string | null) =>
      describeActivity(entry({ action: 'review_settings', subject, from, to, note: 'server summary' }), names);
    expect(setting('requireSuggestions', 'false', 'true')).toBe('Eve Editor required suggesting mode for changes in review');
    expect(setting('requireSuggestions', 'true', 'false')).toBe('Eve Editor stopped requiring suggesting mode');
    expect(setting('assignedWords', null, '600')).toBe('Eve Editor set the assigned length to 600 words');
    expect(setting('assignedWords', '600', null)).toBe('Eve Editor cleared the assigned length');
    expect(activityNote(entry({ action: 'review_settings', note: 'server summary' }))).toBeNull();
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
