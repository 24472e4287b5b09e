import pg from 'pg';
import { redactPassword } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { DatabaseUnavailableError } from '../DatabaseUnavailableError.ts';
import type { Storage } from '../Storage.ts';
import { PostgresArticleMembers } from './accounts/PostgresArticleMembers.ts';
import { PostgresAuditLog } from './accounts/PostgresAuditLog.ts';
import { PostgresLoginAttemptStore } from './accounts/PostgresLoginAttemptStore.ts';
import { PostgresMfaStore } from './accounts/PostgresMfaStore.ts';
import { PostgresSessionStore } from './accounts/PostgresSessionStore.ts';
import { PostgresUserStore } from './accounts/PostgresUserStore.ts';
import { PostgresArticleStore } from './articles/PostgresArticleStore.ts';
import { PostgresVersionStore } from './articles/PostgresVersionStore.ts';
import { PostgresAuthorshipStore } from './authorship/PostgresAuthorshipStore.ts';
import { PostgresStoryEraser } from './articles/PostgresStoryEraser.ts';
import { migrate } from './migrate.ts';
import { PostgresDocStore } from './PostgresDocStore.ts';
import { PostgresUnitOfWork } from './PostgresUnitOfWork.ts';
import { PostgresWorkerLease } from './PostgresWorkerLease.ts';
import { PostgresPublicationStore } from './publishing/PostgresPublicationStore.ts';
import { PostgresScheduleStore } from './publishing/PostgresScheduleStore.ts';
import { PostgresSlugStore } from './publishing/PostgresSlugStore.ts';
import { PostgresWebhookDeliveryStore } from './publishing/PostgresWebhookDeliveryStore.ts';
import { PostgresSearchIndex } from './search/PostgresSearchIndex.ts';
import { PostgresSectionStore } from './bylines/PostgresSectionStore.ts';
import { PostgresWordsBackStore } from './wordsBack/PostgresWordsBackStore.ts';

/**
 * Every store on the PostgreSQL database at `url`: one pool for the server, the schema migrated at
 * start (safe when several servers start at once). A server that cannot reach the database at
 * start stops with a message naming DATABASE_URL; one that loses it later says so in its log and
 * in /api/health and carries on when it is back (the pool reconnects).
 */
export async function openPostgresStorage(url: string, log: Logger, options: { poolSize?: number; leasePeriodMs?: number } = {}): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle client the database drops (a restart) is discarded; the next query opens a new one.
  pool.on('error', (error) => log.warn('a PostgreSQL connection was lost', { error: error.message }));
  try {
    const applied = await migrate(pool);
    if (applied.length > 0) log.info('PostgreSQL schema migrated', { migrations: applied.join(',') });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(
      `DATABASE_URL ${redactPassword(url)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const unit = new PostgresUnitOfWork(pool);
  const installation = await pool.query<{ id: string }>('SELECT id FROM installation');
  const leases: PostgresWorkerLease[] = [];
  return {
    engine: 'postgresql',
    articles: new PostgresArticleStore(unit),
    docs: new PostgresDocStore(pool),
    versions: new PostgresVersionStore(unit),
    authorship: new PostgresAuthorshipStore(unit),
    wordsBack: new PostgresWordsBackStore(unit),
    eraser: new PostgresStoryEraser(unit),
    users: new PostgresUserStore(unit),
    sessions: new PostgresSessionStore(unit),
    members: new PostgresArticleMembers(unit),
    audit: new PostgresAuditLog(unit),
    loginAttempts: new PostgresLoginAttemptStore(unit),
    mfa: new PostgresMfaStore(unit),
    publications: new PostgresPublicationStore(unit),
    slugs: new PostgresSlugStore(unit),
    schedule: new PostgresScheduleStore(unit),
    webhooks: new PostgresWebhookDeliveryStore(unit),
    search: new PostgresSearchIndex(unit),
    sections: new PostgresSectionStore(unit),
    unit,
    installationId: installation.rows[0]!.id,
    backup: null,
    workerLease: (name) => {
      const lease = new PostgresWorkerLease({ connectionString: url, name, log, ...(options.leasePeriodMs ? { periodMs: options.leasePeriodMs } : {}) });
      leases.push(lease);
      return lease;
    },
    problem: async () => {
      try {
        await pool.query('SELECT 1');
        return null;
      } catch (error) {
        return `PostgreSQL does not answer: ${error instanceof Error ? error.message : String(error)}`;
      }
    },
    close: async () => {
      await Promise.all(leases.map((lease) => lease.stop()));
      await pool.end();
    },
  };
}
