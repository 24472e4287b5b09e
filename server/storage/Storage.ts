import type { LoginAttemptStore } from '../auth/loginThrottle.ts';
import type { ArticleMembers } from './ArticleMembers.ts';
import type { ArticleStore } from './ArticleStore.ts';
import type { AuditLog } from './AuditLog.ts';
import type { AuthorshipStore } from './AuthorshipStore.ts';
import type { DocStore } from './DocStore.ts';
import type { MfaStore } from './MfaStore.ts';
import type { PublicationStore, ScheduleStore, SlugStore, WebhookDeliveryStore } from './PublicationStore.ts';
import type { SearchIndex } from './SearchIndex.ts';
import type { SectionStore } from './SectionStore.ts';
import type { SessionStore } from './SessionStore.ts';
import type { StoryEraser } from './StoryEraser.ts';
import type { UnitOfWork } from './UnitOfWork.ts';
import type { UserStore } from './UserStore.ts';
import type { VersionStore } from './VersionStore.ts';
import type { WordsBackStore } from './WordsBackStore.ts';
import type { WorkerLease } from './WorkerLease.ts';

/**
 * Every store of one server on one database (SQLite by default, PostgreSQL when DATABASE_URL is
 * set), and the database's transactions. The rest of the server sees only these interfaces.
 */
export interface Storage {
  /** Which engine holds the stores, for the log and /api/health. */
  readonly engine: 'sqlite' | 'postgresql';
  readonly articles: ArticleStore;
  /** Each story's update log and snapshot; never joins an open transaction of the other stores. */
  readonly docs: DocStore;
  readonly versions: VersionStore;
  /** Who wrote what: the account of each Yjs client id of a story, and what made server-made ranges. */
  readonly authorship: AuthorshipStore;
  /** Words a writer's story did not keep, held for her until one of her browsers has them. */
  readonly wordsBack: WordsBackStore;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly members: ArticleMembers;
  readonly audit: AuditLog;
  readonly loginAttempts: LoginAttemptStore;
  /** Two-step sign-in: each account's TOTP secret and recovery codes, and the roles that must use it. */
  readonly mfa: MfaStore;
  readonly publications: PublicationStore;
  readonly slugs: SlugStore;
  readonly schedule: ScheduleStore;
  readonly webhooks: WebhookDeliveryStore;
  /** The full-text index of stories (GET /api/articles?q=), fed where the story row's summary is written. */
  readonly search: SearchIndex;
  /** The desk's section list, offered wherever a story's section is typed. */
  readonly sections: SectionStore;
  /** Deletes a story for good (but its publications): joins the caller's transaction. */
  readonly eraser: StoryEraser;
  readonly unit: UnitOfWork;
  /**
   * A random id made when the database was created: every server on this database shares it, and
   * servers on another database (another newsroom on the same Redis) do not.
   */
  readonly installationId: string;
  /**
   * A lease per kind of work that must run on exactly one server (the scheduler, webhook
   * delivery); null when the storage serves one server only (a SQLite file), which runs it all.
   */
  readonly workerLease: ((name: string) => WorkerLease) | null;
  /**
   * Writes a consistent copy of the whole database to a file while the server keeps writing,
   * checks it, and answers its size in bytes (BACKUP_DIR's schedule uses it); null where the
   * database is backed up by its own tools (PostgreSQL: pg_dump, base backups).
   */
  readonly backup: ((destination: string) => Promise<number>) | null;
  /** null while the database answers; otherwise what is wrong, for /api/health and the log. */
  problem(): Promise<string | null>;
  close(): Promise<void>;
}
