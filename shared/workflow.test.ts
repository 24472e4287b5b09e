import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from './api.ts';
import { ROLES } from './roles.ts';
import {
  NOTE_MAX_LENGTH,
  STATUSES,
  TRANSITIONS,
  allowedTransitions,
  canEdit,
  canTransition,
  findTransition,
  isStoryOwner,
} from './workflow.ts';

const owner = { isOwner: true };
const stranger = { isOwner: false };

describe('transition table', () => {
  it('holds each from → to pair once and only known statuses', () => {
    const pairs = TRANSITIONS.map((t) => `${t.from}>${t.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const t of TRANSITIONS) {
      expect(STATUSES).toContain(t.from);
      expect(STATUSES).toContain(t.to);
      expect(t.from).not.toBe(t.to);
    }
  });

  it('lets a viewer take no transition anywhere', () => {
    for (const status of STATUSES) expect(allowedTransitions(status, 'viewer', owner)).toEqual([]);
  });

  it('gives an editor the whole review cycle', () => {
    const path: ArticleStatus[] = ['draft', 'in_review', 'approved', 'published'];
    for (let i = 0; i + 1 < path.length; i++) {
      const check = canTransition(path[i]!, path[i + 1]!, 'editor', stranger);
      expect(check.ok, `${path[i]} → ${path[i + 1]}`).toBe(true);
    }
  });
});

describe('allowedTransitions', () => {
  it('lets a reporter submit only their own draft', () => {
    expect(allowedTransitions('draft', 'reporter', owner).map((t) => t.action)).toEqual(['submit']);
    expect(allowedTransitions('draft', 'reporter', stranger)).toEqual([]);
  });

  it('gives a reporter nothing once the story is in review', () => {
    for (const status of ['in_review', 'approved', 'published'] as const) {
      expect(allowedTransitions(status, 'reporter', owner)).toEqual([]);
    }
  });

  it('offers editors approve and send back in review, publish and reopen once approved', () => {
    expect(allowedTransitions('in_review', 'editor', stranger).map((t) => t.to).sort()).toEqual(['approved', 'draft']);
    expect(allowedTransitions('approved', 'admin', stranger).map((t) => t.to).sort()).toEqual(['draft', 'published']);
  });

  it('agrees with canTransition for every status, role and target', () => {
    for (const from of STATUSES) {
      for (const role of ROLES) {
        for (const relation of [owner, stranger]) {
          const allowed = new Set(allowedTransitions(from, role, relation).map((t) => t.to));
          for (const to of STATUSES) {
            const check = canTransition(from, to, role, relation, 'a note');
            expect(check.ok, `${role} ${from} → ${to}`).toBe(allowed.has(to));
          }
        }
      }
    }
  });
});

describe('canTransition', () => {
  it('refuses a transition the table lacks as not allowed from the status (409)', () => {
    const check = canTransition('draft', 'published', 'editor', owner);
    expect(check).toMatchObject({ ok: false, reason: 'not_allowed_from_status' });
    expect(canTransition('draft', 'draft', 'editor', owner)).toMatchObject({ ok: false, reason: 'not_allowed_from_status' });
  });

  it('refuses a role that may not take an existing transition (403)', () => {
    expect(canTransition('in_review', 'approved', 'reporter', owner)).toMatchObject({ ok: false, reason: 'role_forbidden' });
  });

  it('refuses a viewer as forbidden even where the table has no transition', () => {
    expect(canTransition('draft', 'published', 'viewer', owner)).toMatchObject({ ok: false, reason: 'role_forbidden' });
  });

  it('refuses a reporter submitting someone else’s story', () => {
    expect(canTransition('draft', 'in_review', 'reporter', stranger)).toMatchObject({ ok: false, reason: 'not_owner' });
    expect(canTransition('draft', 'in_review', 'editor', stranger).ok).toBe(true);
  });

  it('needs a note to send a story back, and counts a blank one as missing', () => {
    expect(canTransition('in_review', 'draft', 'editor', stranger)).toMatchObject({ ok: false, reason: 'note_required' });
    expect(canTransition('in_review', 'draft', 'editor', stranger, '   ')).toMatchObject({ ok: false, reason: 'note_required' });
    const ok = canTransition('in_review', 'draft', 'editor', stranger, 'Second source, please.');
    expect(ok).toMatchObject({ ok: true, transition: { action: 'send_back' } });
  });

  it('refuses an overlong note', () => {
    const note = 'x'.repeat(NOTE_MAX_LENGTH + 1);
    expect(canTransition('draft', 'in_review', 'reporter', owner, note)).toMatchObject({ ok: false, reason: 'note_too_long' });
    expect(canTransition('draft', 'in_review', 'reporter', owner, note.slice(1)).ok).toBe(true);
  });

  it('returns the table row it matched', () => {
    const check = canTransition('approved', 'draft', 'editor', stranger);
    expect(check.ok && check.transition).toBe(findTransition('approved', 'draft'));
  });
});

describe('canEdit', () => {
  it('lets editors and admins edit every story in every status', () => {
    for (const status of STATUSES) {
      expect(canEdit('editor', status, stranger)).toBe(true);
      expect(canEdit('admin', status, stranger)).toBe(true);
    }
  });

  it('never lets a viewer edit', () => {
    for (const status of STATUSES) expect(canEdit('viewer', status, owner)).toBe(false);
  });

  it('lets a reporter edit only their own story, and not once approved or published', () => {
    expect(canEdit('reporter', 'draft', owner)).toBe(true);
    expect(canEdit('reporter', 'in_review', owner)).toBe(true);
    expect(canEdit('reporter', 'approved', owner)).toBe(false);
    expect(canEdit('reporter', 'published', owner)).toBe(false);
    expect(canEdit('reporter', 'draft', stranger)).toBe(false);
  });
});

describe('isStoryOwner', () => {
  const story = { createdBy: 'Ana', assignees: ['bo', 'Cy'] };
  it('matches the creator and assignees case-insensitively', () => {
    expect(isStoryOwner('ana', story)).toBe(true);
    expect(isStoryOwner('BO', story)).toBe(true);
    expect(isStoryOwner('cy', story)).toBe(true);
    expect(isStoryOwner('dee', story)).toBe(false);
    expect(isStoryOwner('ana', { createdBy: null, assignees: [] })).toBe(false);
  });
});
