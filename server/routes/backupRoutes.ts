import path from 'node:path';
import { Router } from 'express';
import { ErrorId, type BackupResponse } from '../../shared/api.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import { HttpError } from '../http/HttpError.ts';

/**
 * Admins only: POST /api/backups writes a backup of the database now (before an upgrade or a bulk
 * change), beside the scheduled ones in BACKUP_DIR and kept like them: 201 with the copy's file
 * name, size and time once it is whole and checked; 409 backups_off where the server takes none;
 * 503 backup_failed when it could not be written (the log says why; nothing is left behind).
 * A request while a backup runs joins it.
 */
export function backupRoutes(deps: Pick<AppDeps, 'backups' | 'log'>): Router {
  const router = Router();
  router.post('/backups', requireRole('admin'), async (_req, res) => {
    const backups = deps.backups ?? null;
    if (!backups) {
      throw new HttpError(409, ErrorId.BackupsOff, 'This server takes no backups: set BACKUP_DIR (SQLite only; PostgreSQL is backed up with its own tools).');
    }
    const by = authOf(res).user.username;
    let written;
    try {
      written = await backups.takeNow();
    } catch {
      throw new HttpError(503, ErrorId.BackupFailed, 'The backup could not be written; the server log says why. Nothing was left behind.');
    }
    deps.log.info('backup asked for', { by, file: written.file });
    const answer: BackupResponse = { file: path.basename(written.file), bytes: written.bytes, tookMs: written.tookMs };
    res.status(201).json(answer);
  });
  return router;
}
