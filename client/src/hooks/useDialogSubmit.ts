import { useState } from 'react';
import { errorMessage } from '../format/errorMessage.ts';

/** A dialog's submit state, and the runner of its action. */
export interface DialogSubmit {
  /** True from the start of an action; stays on after success, since the dialog then closes. */
  busy: boolean;
  error: string | null;
  setError: (message: string | null) => void;
  /** Runs `action`; a failure shows its message and lets the user try again. */
  run: (action: () => Promise<void>) => Promise<void>;
}

/** The busy flag and error row of a dialog whose submit calls the server once. */
export function useDialogSubmit(): DialogSubmit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return { busy, error, setError, run };
}
