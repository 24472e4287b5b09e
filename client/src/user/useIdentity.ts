import { useCallback, useState } from 'react';
import { loadIdentity, saveIdentity, type Identity } from './identity.ts';

/** The identity remembered in this browser, and a way to set it. */
export function useIdentity(): [Identity | null, (name: string) => void] {
  const [identity, setIdentity] = useState<Identity | null>(() => loadIdentity());
  const save = useCallback((name: string) => setIdentity(saveIdentity(name)), []);
  return [identity, save];
}
