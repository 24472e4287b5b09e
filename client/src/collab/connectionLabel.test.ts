import { describe, expect, it } from 'vitest';
import type { CollabSnapshot } from './CollabSession.ts';
import { connectionLabel } from './connectionLabel.ts';

const base: CollabSnapshot = {
  socket: 'connected',
  synced: true,
  ready: true,
  unsaved: false,
  failedAttempts: 0,
  fatal: null,
  notice: null,
  accessChanges: 0,
};

describe('connectionLabel', () => {
  it('says saved only when synced with nothing pending', () => {
    expect(connectionLabel(base)).toEqual({ tone: 'ok', text: 'All changes saved' });
    expect(connectionLabel({ ...base, unsaved: true }).text).toBe('Saving…');
    expect(connectionLabel({ ...base, synced: false }).text).toBe('Connecting…');
  });

  it('reports offline work once the document is on screen', () => {
    const offline = { ...base, socket: 'disconnected' as const, synced: false, unsaved: true };
    expect(connectionLabel(offline)).toEqual({ tone: 'offline', text: 'Offline — changes kept on this device' });
    expect(connectionLabel({ ...offline, ready: false }).text).toBe('Connecting…');
    expect(connectionLabel({ ...offline, ready: false, failedAttempts: 3 }).text).toBe(
      'Cannot reach the server. Retrying…',
    );
  });

  it('puts a fatal refusal above everything', () => {
    const label = connectionLabel({ ...base, fatal: { code: 4404, message: 'This story does not exist.' } });
    expect(label).toEqual({ tone: 'error', text: 'This story does not exist.' });
  });
});
