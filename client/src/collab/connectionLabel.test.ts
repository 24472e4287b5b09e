import { describe, expect, it } from 'vitest';
import type { CollabSnapshot } from './CollabSession.ts';
import { connectionLabel } from './connectionLabel.ts';

const base: CollabSnapshot = {
  socket: 'connected',
  synced: true,
  ready: true,
  unsaved: false,
  refused: null,
  undone: null,
  undoneWords: [],
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

  it('never says saved while the server refuses this device’s changes, and says they are kept here', () => {
    for (const state of [base, { ...base, unsaved: true }, { ...base, socket: 'disconnected' as const, synced: false }]) {
      expect(connectionLabel({ ...state, refused: 'read_only' })).toEqual({
        tone: 'error',
        text: 'Not saved: this story is read-only for you now. Your latest changes are kept on this device only.',
      });
    }
    expect(connectionLabel({ ...base, refused: 'story_spiked' }).text).toBe(
      'Not saved: this story was spiked. Your latest changes are kept on this device only.',
    );
  });

  it('puts a fatal refusal above everything', () => {
    const label = connectionLabel({ ...base, fatal: { code: 4404, message: 'This story does not exist.' } });
    expect(label).toEqual({ tone: 'error', text: 'This story does not exist.' });
  });
});
