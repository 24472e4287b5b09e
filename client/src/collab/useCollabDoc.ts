import { useEffect, useState, useSyncExternalStore } from 'react';
import { collabBaseUrl } from '../api.ts';
import type { Identity } from '../user/identity.ts';
import { CollabSession, type CollabSnapshot } from './CollabSession.ts';

const IDLE: CollabSnapshot = {
  socket: 'connecting',
  synced: false,
  ready: false,
  unsaved: false,
  failedAttempts: 0,
  fatal: null,
  notice: null,
};

const noSubscription = () => () => {};

/**
 * Open a story for co-editing while the component is mounted: one Y.Doc, kept on this
 * device and synced with the server. Returns the session (null until created) and its state.
 */
export function useCollabDoc(
  articleId: string,
  identity: Identity | null,
): { session: CollabSession | null; state: CollabSnapshot } {
  const [session, setSession] = useState<CollabSession | null>(null);
  const hasIdentity = identity !== null;

  useEffect(() => {
    if (!identity) return;
    const created = new CollabSession(articleId, identity, collabBaseUrl());
    setSession(created);
    return () => {
      setSession(null);
      created.destroy();
    };
    // The identity's later changes go through setIdentity, not a new connection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId, hasIdentity]);

  useEffect(() => {
    if (session && identity) session.setIdentity(identity);
  }, [session, identity]);

  const state = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getSnapshot ?? (() => IDLE),
  );
  return { session, state };
}
