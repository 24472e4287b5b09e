import type { BackupResponse, BackupsResponse } from '../../../shared/api.ts';
import { request } from '../api.ts';

/** Admins: whether the server takes backups, and the copies it keeps, newest first. */
export function getBackups(): Promise<BackupsResponse> {
  return request<BackupsResponse>('/api/backups');
}

/** Admins: writes a backup now; resolves once it is whole and checked. */
export function takeBackup(): Promise<BackupResponse> {
  return request<BackupResponse>('/api/backups', { method: 'POST' });
}
