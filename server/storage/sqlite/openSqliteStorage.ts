import type { Config } from '../../config.ts';
import type { Storage } from '../Storage.ts';
import { SqliteArticleMembers } from './accounts/SqliteArticleMembers.ts';
import { SqliteAuditLog } from './accounts/SqliteAuditLog.ts';
import { SqliteLoginAttemptStore } from './accounts/SqliteLoginAttemptStore.ts';
import { SqliteMfaStore } from './accounts/SqliteMfaStore.ts';
import { SqliteSessionStore } from './accounts/SqliteSessionStore.ts';
import { SqliteUserStore } from './accounts/SqliteUserStore.ts';
import { SqliteAuthorshipStore } from './authorship/SqliteAuthorshipStore.ts';
import { backupSqlite } from './backupSqlite.ts';
import { openDatabase } from './openDatabase.ts';
import { SqlitePublicationStore } from './publishing/SqlitePublicationStore.ts';
import { SqliteScheduleStore } from './publishing/SqliteScheduleStore.ts';
import { SqliteSlugStore } from './publishing/SqliteSlugStore.ts';
import { SqliteWebhookDeliveryStore } from './publishing/SqliteWebhookDeliveryStore.ts';
import { SqliteArticleStore } from './SqliteArticleStore.ts';
import { SqliteDocStore } from './SqliteDocStore.ts';
import { sqliteUnitOf } from './SqliteUnitOfWork.ts';
import { SqliteVersionStore } from './versions/SqliteVersionStore.ts';
import { SqliteSearchIndex } from './search/SqliteSearchIndex.ts';
import { SqliteSectionStore } from './bylines/SqliteSectionStore.ts';
import { SqliteStoryEraser } from './articles/SqliteStoryEraser.ts';
import { SqliteWordsBackStore } from './wordsBack/SqliteWordsBackStore.ts';

/**
 * Every store on the SQLite file in `config.dataDir` (created and migrated when needed). With
 * `redisUrl` set, other servers may write the same file (see SqliteDocStore's `sharedFile`), so it
 * is never held exclusively then.
 */
export function openSqliteStorage(config: Pick<Config, 'dataDir' | 'sqliteSynchronous'> & Partial<Pick<Config, 'redisUrl' | 'sqliteLocking'>>): Storage {
  const shared = (config.redisUrl ?? null) !== null;
  if (shared && config.sqliteLocking === 'exclusive') throw new Error('several servers on one SQLite file (redisUrl) need sqliteLocking normal');
  const db = openDatabase(config.dataDir, { synchronous: config.sqliteSynchronous, locking: config.sqliteLocking ?? 'normal' });
  const unit = sqliteUnitOf(db);
  return {
    engine: 'sqlite',
    articles: new SqliteArticleStore(db),
    // Never joins an open transaction of the account or publishing stores on the same connection.
    docs: unit.guard(new SqliteDocStore(db, { sharedFile: shared })),
    versions: new SqliteVersionStore(db),
    authorship: new SqliteAuthorshipStore(db),
    wordsBack: new SqliteWordsBackStore(db),
    eraser: new SqliteStoryEraser(db),
    users: new SqliteUserStore(db),
    sessions: new SqliteSessionStore(db),
    members: new SqliteArticleMembers(db),
    audit: new SqliteAuditLog(db),
    loginAttempts: new SqliteLoginAttemptStore(db),
    mfa: new SqliteMfaStore(db),
    publications: new SqlitePublicationStore(db),
    slugs: new SqliteSlugStore(db),
    schedule: new SqliteScheduleStore(db),
    webhooks: new SqliteWebhookDeliveryStore(db),
    search: new SqliteSearchIndex(db),
    sections: new SqliteSectionStore(db),
    unit,
    installationId: (db.prepare('SELECT id FROM installation').get() as { id: string }).id,
    workerLease: null,
    backup: (destination) => backupSqlite(db, destination),
    problem: async () => (db.open ? null : 'the SQLite database is closed'),
    close: async () => {
      db.close();
    },
  };
}
