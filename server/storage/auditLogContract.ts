import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLog } from './AuditLog.ts';

/** What an AuditLog implementation gives the contract suite. */
export interface AuditLogHarness {
  store: AuditLog;
  /** Releases the store's resources. */
  close(): void | Promise<void>;
}

/** Runs the AuditLog contract against any implementation; every backend must pass it. */
export function auditLogContract(name: string, createHarness: () => AuditLogHarness | Promise<AuditLogHarness>): void {
  describe(`AuditLog contract: ${name}`, () => {
    let harness: AuditLogHarness;
    let audit: AuditLog;

    beforeEach(async () => {
      harness = await createHarness();
      audit = harness.store;
    });
    afterEach(() => harness.close());

    it('appends entries and returns a story’s log oldest first', async () => {
      const first = await audit.append({ articleId: 'a1', actor: 'ana', action: 'transition', from: 'draft', to: 'in_review', at: '2025-01-01T10:00:00.000Z' });
      await audit.append({ articleId: 'a2', actor: 'bo', action: 'assign', subject: 'cy', at: '2025-01-01T10:01:00.000Z' });
      const back = await audit.append({
        articleId: 'a1',
        actor: 'ed',
        action: 'transition',
        from: 'in_review',
        to: 'draft',
        note: 'Needs a second source.',
        at: '2025-01-01T11:00:00.000Z',
      });
      expect(first).toMatchObject({ articleId: 'a1', subject: null, note: null, from: 'draft', to: 'in_review' });
      expect(await audit.forArticle('a1')).toEqual([first, back]);
      expect(await audit.forArticle('missing')).toEqual([]);
    });

    it('hands back every field as stored, with a numeric id that grows', async () => {
      const entry = {
        articleId: 'a1',
        actor: 'ed',
        action: 'review_settings' as const,
        subject: 'requireSuggestions',
        from: 'false',
        to: 'true',
        note: 'Tightened for the election desk.',
        at: '2025-05-06T07:08:09.123Z',
      };
      const first = await audit.append(entry);
      expect(first).toEqual({ id: expect.any(Number), ...entry });
      const second = await audit.append({ ...entry, note: null });
      expect(second.id).toBeGreaterThan(first.id);
      expect(second.note).toBeNull();
      expect(await audit.forArticle('a1')).toEqual([first, second]);
    });

    it('keeps entries of one moment in the order they were appended', async () => {
      const at = '2025-01-01T10:00:00.000Z';
      const appended = [];
      for (const action of ['create', 'assign', 'set_reviewer', 'transition', 'assign', 'unassign'] as const) {
        appended.push(await audit.append({ articleId: 'a1', actor: 'ana', action, subject: action.includes('assign') ? 'Bo' : null, at }));
      }
      expect(await audit.forArticle('a1')).toEqual(appended);
      expect(await audit.forSubject('bo')).toEqual(appended.filter((e) => e.subject === 'Bo'));
    });

    it('records account changes with no story and finds them by subject in any case', async () => {
      const entry = await audit.append({ articleId: null, actor: 'admin', action: 'role_change', subject: 'Ana', from: 'reporter', to: 'editor', at: '2025-01-02T00:00:00.000Z' });
      expect(await audit.forSubject('ana')).toEqual([entry]);
      expect(await audit.forSubject('ANA')).toEqual([entry]);
      expect(entry.articleId).toBeNull();
    });

    it('finds by subject only that account’s entries, across stories and accounts, oldest first', async () => {
      const assigned = await audit.append({ articleId: 'a1', actor: 'ed', action: 'assign', subject: 'ana', at: '2025-01-01T00:00:00.000Z' });
      await audit.append({ articleId: 'a1', actor: 'ed', action: 'assign', subject: 'anabel', at: '2025-01-01T00:01:00.000Z' });
      await audit.append({ articleId: 'a2', actor: 'ana', action: 'transition', from: 'draft', to: 'in_review', at: '2025-01-01T00:02:00.000Z' });
      const promoted = await audit.append({ articleId: null, actor: 'admin', action: 'role_change', subject: 'ANA', from: 'reporter', to: 'editor', at: '2025-01-01T00:03:00.000Z' });
      const unassigned = await audit.append({ articleId: 'a2', actor: 'ed', action: 'unassign', subject: 'Ana', at: '2025-01-01T00:04:00.000Z' });
      expect(await audit.forSubject('ana')).toEqual([assigned, promoted, unassigned]);
      expect(await audit.forSubject('nobody')).toEqual([]);
    });
  });
}
