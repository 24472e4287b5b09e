import { useEffect, useRef, type RefObject } from 'react';

/**
 * A native `<dialog>` shown modally while the component is mounted (focus trapped, Escape
 * reaches its cancel handler) and closed when it unmounts. Put the returned ref on the dialog.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return ref;
}
