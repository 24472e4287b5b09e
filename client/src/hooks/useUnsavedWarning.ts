import { useEffect } from 'react';

/**
 * While `unsaved` is true, closing or reloading the tab asks the browser's "Leave site?" question.
 * Off otherwise: a story whose changes are all saved closes without a prompt.
 */
export function useUnsavedWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
