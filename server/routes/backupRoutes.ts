import path from 'node:path';
import { Router } from 'express';
import { ErrorId, type BackupListed, type BackupResponse, type BackupsResponse } from '../../shared/api.ts';
import type { AppDeps } from '../AppDeps.ts';
import { authOf, requireRole } from '../auth/authMiddleware.ts';
import type { BackupFile } from '../backups/BackupSchedule.ts';
import { HttpError } from '../http/HttpError.ts';

const listed = (backup: BackupFile): BackupListed => ({ file: path.basename(backup.file), bytes: backup.bytes, takenAt: backup.takenAt.toISOString() });

/**
 * Admins only. GET /api/backups: whether this server takes backups (BACKUP_DIR), how often, how many
 * it keeps, and the copies in the folder, newest first. POST /api/backups writes one now (before an
 * upgrade or a bulk change), beside the scheduled ones and kept like them: 201 with the copy once it
 * is whole and checked; 409 backups_off where the server takes none; 503 backup_failed when it could
 * not be written (the log says why; nothing is left behind). A request while a backup runs joins it.
 */
export function backupRoutes(deps: Pick<AppDeps, 'backups' | 'log'>): Router {
  const router = Router();
  const adminOnly = requireRole('admin');

  router.get('/backups', adminOnly, async (_req, res) => {
    const backups = deps.backups ?? null;
    const answer: BackupsResponse = backups
      ? { on: true, everyMinutes: backups.everyMs / 60_000, keep: backups.keep, backups: (await backups.list()).map(listed) }
      : { on: false, everyMinutes: null, keep: null, backups: [] };
    res.json(answer);
  });

  router.post('/backups', adminOnly, async (_req, res) => {
    const backups = deps.backups ?? null;
    if (!backups) {
      throw new HttpError(409, ErrorId.BackupsOff, 'This server takes no backups: set BACKUP_DIR (SQLite only; PostgreSQL is backed up with its own tools).');
    }
    const by = authOf(res).user.username;
    const written = await backups.takeNow().catch(() => {
      throw new HttpError(503, ErrorId.BackupFailed, 'The backup could not be written; the server log says why. Nothing was left behind.');
    });
    deps.log.info('backup asked for', { by, file: written.file });
    const answer: BackupResponse = { ...listed(written), tookMs: written.tookMs };
    res.status(201).json(answer);
  });
  return router;
}
