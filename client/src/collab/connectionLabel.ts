import { describeChangesRefused } from '../../../shared/collab/changesRefused.ts';
import type { CollabSnapshot } from './CollabSession.ts';

/** What the connection indicator says, and in which tone. */
export interface ConnectionLabel {
  tone: 'ok' | 'busy' | 'offline' | 'error';
  text: string;
}

/** The indicator's words for a session state; never claims a save the server has not confirmed. */
export function connectionLabel(state: CollabSnapshot): ConnectionLabel {
  if (state.fatal) return { tone: 'error', text: state.fatal.message };
  if (state.refused) return { tone: 'error', text: describeChangesRefused(state.refused) };
  if (state.socket === 'connected' && state.synced) {
    return state.unsaved ? { tone: 'busy', text: 'Saving…' } : { tone: 'ok', text: 'All changes saved' };
  }
  if (state.ready && state.socket !== 'connected') {
    return { tone: 'offline', text: 'Offline — changes kept on this device' };
  }
  if (state.notice && state.failedAttempts > 0) return { tone: 'busy', text: state.notice };
  if (state.failedAttempts > 1) return { tone: 'offline', text: 'Cannot reach the server. Retrying…' };
  return { tone: 'busy', text: 'Connecting…' };
}
