import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/api.ts';
import { readOnlyReason } from './readOnlyReason.ts';

const story = (fields: Partial<Article>): Article => ({
  id: 's1',
  headline: 'Harbour reopens',
  status: 'draft',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  wordCount: 0,
  present: [],
  createdBy: { username: 'rita', displayName: 'Rita Reporter' },
  assignees: [{ username: 'sam', displayName: 'Sam Stringer' }],
  reviewer: null,
  spikedAt: null,
  spikedBy: null,
  byline: '',
  slug: '',
  section: '',
  tags: [],
  allowedTransitions: [],
  canEdit: false,
  requireSuggestions: false,
  assignedWords: null,
  ...fields,
});

describe('readOnlyReason', () => {
  it('is null whenever the server says the user may edit', () => {
    expect(readOnlyReason({ username: 'vic', role: 'viewer' }, story({ canEdit: true }))).toBeNull();
  });

  it('tells viewers, outsiders and owners of locked stories apart', () => {
    expect(readOnlyReason({ username: 'vic', role: 'viewer' }, story({}))).toMatch(/viewers/);
    expect(readOnlyReason({ username: 'otto', role: 'reporter' }, story({}))).toMatch(/creator and assigned/);
    expect(readOnlyReason({ username: 'SAM', role: 'reporter' }, story({ status: 'approved' }))).toBe(
      'Read only: approved stories are locked for reporters until an editor reopens them.',
    );
    expect(readOnlyReason({ username: 'rita', role: 'reporter' }, story({ status: 'published' }))).toMatch(/published stories/);
  });
});
