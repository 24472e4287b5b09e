import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MfaStore } from './MfaStore.ts';
import type { UnitOfWork } from './UnitOfWork.ts';

/** What an MfaStore implementation gives the contract suite. */
export interface MfaStoreHarness {
  store: MfaStore;
  /** Creates an account and returns its id. */
  ensureUser(username: string): Promise<number>;
  /** Deletes an account straight from the database (no store verb does). */
  deleteUser(userId: number): Promise<void>;
  /** The transactions of the store's database; store calls awaited inside join them. */
  transact: UnitOfWork['transact'];
  close(): void | Promise<void>;
}

const t0 = '2025-03-01T12:00:00.000Z';
const t1 = '2025-03-01T12:05:00.000Z';
const STEP = 58_000_000;
const HASHES = ['hash-a', 'hash-b', 'hash-c'];

/** Runs the MfaStore contract against any implementation; every backend must pass it. */
export function mfaStoreContract(name: string, createHarness: () => MfaStoreHarness | Promise<MfaStoreHarness>): void {
  describe(`MfaStore contract: ${name}`, () => {
    let harness: MfaStoreHarness;
    let mfa: MfaStore;
    let ana: number;
    let bo: number;

    beforeEach(async () => {
      harness = await createHarness();
      mfa = harness.store;
      ana = await harness.ensureUser('ana');
      bo = await harness.ensureUser('bo');
    });
    afterEach(() => harness.close());

    async function enrolled(userId: number, step = STEP, hashes = HASHES): Promise<void> {
      expect(await mfa.begin(userId, `secret-of-${userId}`, t0)).toBe(true);
      expect(await mfa.enable(userId, `secret-of-${userId}`, step, hashes, t1)).toBe(true);
    }

    it('holds nothing for an account that never enrolled', async () => {
      expect(await mfa.find(ana)).toBeNull();
      expect(await mfa.useStep(ana, STEP)).toBe(false);
      expect(await mfa.useRecoveryCode(ana, 'hash-a')).toBe(false);
      expect(await mfa.remove(ana)).toBe(false);
      expect(await mfa.enable(ana, 'anything', STEP, HASHES, t1)).toBe(false);
      expect(await mfa.find(ana)).toBeNull();
    });

    it('keeps a pending enrolment, and a second one replaces it', async () => {
      expect(await mfa.begin(ana, 'first', t0)).toBe(true);
      expect(await mfa.find(ana)).toEqual({
        userId: ana,
        secret: 'first',
        enabled: false,
        lastUsedStep: null,
        recoveryCodesLeft: 0,
        createdAt: t0,
        enabledAt: null,
      });
      expect(await mfa.begin(ana, 'second', t1)).toBe(true);
      expect(await mfa.find(ana)).toMatchObject({ secret: 'second', enabled: false, createdAt: t1 });
      // A pending factor accepts no code.
      expect(await mfa.useStep(ana, STEP)).toBe(false);
      expect(await mfa.find(bo)).toBeNull();
    });

    it('turns on only the pending secret it was asked to, with its first step and recovery codes', async () => {
      await mfa.begin(ana, 'current', t0);
      expect(await mfa.enable(ana, 'replaced-meanwhile', STEP, HASHES, t1)).toBe(false);
      expect(await mfa.find(ana)).toMatchObject({ enabled: false, lastUsedStep: null, recoveryCodesLeft: 0 });
      expect(await mfa.enable(ana, 'current', STEP, HASHES, t1)).toBe(true);
      expect(await mfa.find(ana)).toEqual({
        userId: ana,
        secret: 'current',
        enabled: true,
        lastUsedStep: STEP,
        recoveryCodesLeft: 3,
        createdAt: t0,
        enabledAt: t1,
      });
      expect(await mfa.enable(ana, 'current', STEP + 5, ['other'], t1)).toBe(false);
      expect(await mfa.find(ana)).toMatchObject({ lastUsedStep: STEP, recoveryCodesLeft: 3 });
    });

    it('refuses a new enrolment while the factor is on, keeping the secret in use', async () => {
      await enrolled(ana);
      expect(await mfa.begin(ana, 'intruder', t1)).toBe(false);
      expect(await mfa.find(ana)).toMatchObject({ secret: `secret-of-${ana}`, enabled: true, lastUsedStep: STEP });
    });

    it('accepts each time step once, and never one earlier than the last accepted', async () => {
      await enrolled(ana);
      expect(await mfa.useStep(ana, STEP)).toBe(false);
      expect(await mfa.useStep(ana, STEP - 1)).toBe(false);
      expect(await mfa.useStep(ana, STEP + 1)).toBe(true);
      expect(await mfa.useStep(ana, STEP + 1)).toBe(false);
      expect(await mfa.useStep(ana, STEP + 3)).toBe(true);
      expect(await mfa.useStep(ana, STEP + 2)).toBe(false);
      expect((await mfa.find(ana))?.lastUsedStep).toBe(STEP + 3);
      // Another account's steps are its own.
      await enrolled(bo, STEP - 10);
      expect(await mfa.useStep(bo, STEP - 9)).toBe(true);
    });

    it('keeps steps past 32 bits exactly', async () => {
      await enrolled(ana, 2 ** 40);
      expect((await mfa.find(ana))?.lastUsedStep).toBe(2 ** 40);
      expect(await mfa.useStep(ana, 2 ** 40 + 1)).toBe(true);
      expect((await mfa.find(ana))?.lastUsedStep).toBe(2 ** 40 + 1);
    });

    it('accepts one of several uses of the same step at the same instant', async () => {
      await enrolled(ana);
      const answers = await Promise.all(Array.from({ length: 8 }, () => mfa.useStep(ana, STEP + 1)));
      expect(answers.filter(Boolean)).toHaveLength(1);
    });

    it('accepts each recovery code once, and only for its own account', async () => {
      await enrolled(ana);
      await enrolled(bo, STEP, ['hash-of-bo']);
      expect(await mfa.useRecoveryCode(bo, 'hash-a')).toBe(false);
      expect(await mfa.useRecoveryCode(ana, 'hash-of-bo')).toBe(false);
      expect(await mfa.useRecoveryCode(ana, 'hash-b')).toBe(true);
      expect(await mfa.useRecoveryCode(ana, 'hash-b')).toBe(false);
      expect(await mfa.useRecoveryCode(ana, 'unknown')).toBe(false);
      expect((await mfa.find(ana))?.recoveryCodesLeft).toBe(2);
      const answers = await Promise.all(Array.from({ length: 8 }, () => mfa.useRecoveryCode(ana, 'hash-c')));
      expect(answers.filter(Boolean)).toHaveLength(1);
      expect((await mfa.find(ana))?.recoveryCodesLeft).toBe(1);
      expect((await mfa.find(bo))?.recoveryCodesLeft).toBe(1);
    });

    it('ignores a repeated recovery code hash', async () => {
      await enrolled(ana, STEP, ['same', 'same', 'other']);
      expect((await mfa.find(ana))?.recoveryCodesLeft).toBe(2);
      expect(await mfa.useRecoveryCode(ana, 'same')).toBe(true);
      expect(await mfa.useRecoveryCode(ana, 'same')).toBe(false);
    });

    it('of two confirmations of one enrolment at once, turns it on once', async () => {
      await mfa.begin(ana, 's', t0);
      const answers = await Promise.all([mfa.enable(ana, 's', STEP, ['one'], t1), mfa.enable(ana, 's', STEP + 1, ['two'], t1)]);
      expect(answers.filter(Boolean)).toHaveLength(1);
      const record = await mfa.find(ana);
      expect(record?.recoveryCodesLeft).toBe(1);
      const winner = answers[0] ? 'one' : 'two';
      expect(await mfa.useRecoveryCode(ana, winner)).toBe(true);
    });

    it('forgets the secret and the recovery codes when removed, and enrols afresh after', async () => {
      await enrolled(ana);
      await enrolled(bo);
      expect(await mfa.remove(ana)).toBe(true);
      expect(await mfa.find(ana)).toBeNull();
      expect(await mfa.useRecoveryCode(ana, 'hash-a')).toBe(false);
      expect(await mfa.remove(ana)).toBe(false);
      expect(await mfa.find(bo)).toMatchObject({ enabled: true, recoveryCodesLeft: 3 });
      expect(await mfa.begin(ana, 'again', t1)).toBe(true);
      expect(await mfa.find(ana)).toMatchObject({ secret: 'again', enabled: false, lastUsedStep: null, recoveryCodesLeft: 0 });
    });

    it('forgets everything of an account that is deleted', async () => {
      await enrolled(ana);
      await harness.deleteUser(ana);
      expect(await mfa.find(ana)).toBeNull();
      expect(await mfa.useRecoveryCode(ana, 'hash-a')).toBe(false);
    });

    it('rolls an enrolment back with the caller’s transaction', async () => {
      await mfa.begin(ana, 's', t0);
      await expect(
        harness.transact(async () => {
          expect(await mfa.enable(ana, 's', STEP, HASHES, t1)).toBe(true);
          throw new Error('the audit row failed');
        }),
      ).rejects.toThrow('the audit row failed');
      expect(await mfa.find(ana)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    });

    it('requires no role by default; the required roles are replaced whole and listed in role order', async () => {
      expect(await mfa.requiredRoles()).toEqual([]);
      await mfa.setRequiredRoles(['admin', 'editor', 'admin']);
      expect(await mfa.requiredRoles()).toEqual(['editor', 'admin']);
      await mfa.setRequiredRoles(['reporter']);
      expect(await mfa.requiredRoles()).toEqual(['reporter']);
      await mfa.setRequiredRoles([]);
      expect(await mfa.requiredRoles()).toEqual([]);
    });

    it('leaves one whole list when two admins set the required roles at once', async () => {
      await Promise.all([mfa.setRequiredRoles(['viewer', 'reporter']), mfa.setRequiredRoles(['editor', 'admin'])]);
      expect([['viewer', 'reporter'], ['editor', 'admin']]).toContainEqual(await mfa.requiredRoles());
    });

    it('keeps the previous required roles when the caller’s transaction fails', async () => {
      await mfa.setRequiredRoles(['admin']);
      await expect(
        harness.transact(async () => {
          await mfa.setRequiredRoles(['editor']);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await mfa.requiredRoles()).toEqual(['admin']);
    });
  });
}
