import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../../../shared/roles.ts';
import { freshSchemaPool, startTestDatabase, type TestDatabase } from '../../../test/support/postgres.ts';
import { articleMembersContract } from '../../articleMembersContract.ts';
import { auditLogContract } from '../../auditLogContract.ts';
import { loginAttemptStoreContract } from '../../loginAttemptStoreContract.ts';
import { mfaStoreContract } from '../../mfaStoreContract.ts';
import { sessionStoreContract } from '../../sessionStoreContract.ts';
import { userStoreContract } from '../../userStoreContract.ts';
import { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';
import { PostgresArticleMembers } from './PostgresArticleMembers.ts';
import { PostgresAuditLog } from './PostgresAuditLog.ts';
import { PostgresLoginAttemptStore } from './PostgresLoginAttemptStore.ts';
import { PostgresMfaStore } from './PostgresMfaStore.ts';
import { PostgresSessionStore } from './PostgresSessionStore.ts';
import { PostgresUserStore } from './PostgresUserStore.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database?.close());

/** A unit of work on a fresh schema with every migration applied, one per test. */
async function freshUnit() {
  const { pool, end } = await freshSchemaPool(database.url);
  return { unit: new PostgresUnitOfWork(pool), end };
}

function createUser(users: PostgresUserStore, username: string, role: Role = 'reporter'): Promise<number> {
  const user = { username, displayName: username, role, passwordHash: 'h', color: '#000000', createdAt: '2025-01-01T00:00:00.000Z' };
  return users.create(user).then((created) => created.id);
}

userStoreContract('PostgreSQL', async () => {
  const { unit, end } = await freshUnit();
  return { store: new PostgresUserStore(unit), transact: (fn) => unit.transact(fn), close: end };
});

sessionStoreContract('PostgreSQL', async () => {
  const { unit, end } = await freshUnit();
  const users = new PostgresUserStore(unit);
  return {
    store: new PostgresSessionStore(unit),
    ensureUser: (username) => createUser(users, username),
    deleteUser: async (userId) => {
      await unit.query('DELETE FROM users WHERE id = $1', [userId]);
    },
    storedRows: async () => (await unit.query('SELECT * FROM sessions')).rows,
    close: end,
  };
});

articleMembersContract('PostgreSQL', async () => {
  const { unit, end } = await freshUnit();
  const users = new PostgresUserStore(unit);
  return {
    store: new PostgresArticleMembers(unit),
    ensureUser: (username, role) => createUser(users, username, role),
    // article_members.article_id has no foreign key: any story id may have people.
    ensureArticle: () => undefined,
    transact: (fn) => unit.transact(fn),
    close: end,
  };
});

auditLogContract('PostgreSQL', async () => {
  const { unit, end } = await freshUnit();
  return { store: new PostgresAuditLog(unit), close: end };
});

loginAttemptStoreContract('PostgreSQL', async () => {
  const { unit, end } = await freshUnit();
  return { store: new PostgresLoginAttemptStore(unit), close: end };
});

mfaStoreContract('PostgreSQL', async () => {
  const { unit, end } = await freshUnit();
  const users = new PostgresUserStore(unit);
  return {
    store: new PostgresMfaStore(unit),
    ensureUser: (username) => createUser(users, username),
    deleteUser: async (userId) => {
      await unit.query('DELETE FROM users WHERE id = $1', [userId]);
    },
    transact: (fn) => unit.transact(fn),
    close: end,
  };
});
