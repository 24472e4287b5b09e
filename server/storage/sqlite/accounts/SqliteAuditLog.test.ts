import { auditLogContract } from '../../auditLogContract.ts';
import { SqliteAuditLog } from './SqliteAuditLog.ts';
import { openTestDatabase } from './testDatabase.ts';

auditLogContract('SQLite', () => {
  const { db, close } = openTestDatabase();
  return { store: new SqliteAuditLog(db), close };
});
