import { describe, expect, it } from 'vitest';
import { storyAccess } from './storyAccess.ts';

const people = { createdBy: 'ana', assignees: ['bo'], reviewer: 'ed' };

describe('storyAccess', () => {
  it('gives write access to the creator and assignees while the story is a draft or in review', () => {
    expect(storyAccess({ username: 'Ana', role: 'reporter' }, 'draft', people)).toBe('write');
    expect(storyAccess({ username: 'bo', role: 'reporter' }, 'in_review', people)).toBe('write');
  });

  it('reads only for other reporters, for reporters once approved, and for viewers always', () => {
    expect(storyAccess({ username: 'cy', role: 'reporter' }, 'draft', people)).toBe('read');
    expect(storyAccess({ username: 'ana', role: 'reporter' }, 'approved', people)).toBe('read');
    expect(storyAccess({ username: 'ana', role: 'viewer' }, 'draft', people)).toBe('read');
  });

  it('lets editors and admins write every story', () => {
    expect(storyAccess({ username: 'zed', role: 'editor' }, 'published', people)).toBe('write');
    expect(storyAccess({ username: 'root', role: 'admin' }, 'approved', people)).toBe('write');
  });
});
