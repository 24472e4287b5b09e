import { useEffect, useState, useSyncExternalStore } from 'react';
import { collabBaseUrl } from '../api.ts';
import type { Presence } from '../../../shared/api.ts';
import { CollabSession, type CollabSnapshot } from './CollabSession.ts';

const IDLE: CollabSnapshot = {
  socket: 'connecting',
  synced: false,
  ready: false,
  unsaved: false,
  refused: null,
  undone: null,
  undoneWords: [],
  failedAttempts: 0,
  fatal: null,
  notice: null,
  accessChanges: 0,
};

const noSubscription = () => () => {};

/**
 * Open a story for co-editing while the component is mounted: one Y.Doc, kept on this
 * device and synced with the server. Returns the session (null until created) and its state.
 */
export function useCollabDoc(
  articleId: string,
  identity: Presence & { username: string },
): { session: CollabSession | null; state: CollabSnapshot } {
  const [session, setSession] = useState<CollabSession | null>(null);
  const { username, name, color } = identity;

  useEffect(() => {
    const created = new CollabSession(articleId, { username, name, color }, collabBaseUrl());
    setSession(created);
    return () => {
      setSession(null);
      created.destroy();
    };
  }, [articleId, username, name, color]);

  const state = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getSnapshot ?? (() => IDLE),
  );
  return { session, state };
}
