import { describe, expect, it } from 'vitest';
import type { VersionSummary } from './historyApi.ts';
import { versionLabel, versionPeople } from './versionLabel.ts';

const version = (over: Partial<VersionSummary>): VersionSummary => ({
  id: 1, articleId: 'a', number: 1, kind: 'auto', name: null, createdAt: '2025-01-01T10:00:00Z', createdBy: null, editors: [], wordCount: 0, ...over,
});

describe('version labels', () => {
  it('names a version by its name, else by its kind', () => {
    expect(versionLabel(version({ kind: 'named', name: 'Before legal read' }))).toBe('Before legal read');
    expect(versionLabel(version({ kind: 'auto' }))).toBe('Automatic');
    expect(versionLabel(version({ kind: 'restore', name: null }))).toBe('Before a restore');
  });

  it('lists the editors and the creator once, by display name when known', () => {
    const names = new Map([['ann', 'Ann Reporter']]);
    expect(versionPeople(version({ editors: ['ann', 'ed'], createdBy: 'ann' }), names)).toBe('Ann Reporter, ed');
    expect(versionPeople(version({ editors: [], createdBy: 'ed' }), names)).toBe('ed');
    // Names are looked up by lower-cased username, as the story and the version list give them.
    expect(versionPeople(version({ editors: ['Eve'] }), new Map([['eve', 'Eve Nightdesk']]))).toBe('Eve Nightdesk');
  });
});
