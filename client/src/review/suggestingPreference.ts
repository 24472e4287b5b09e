const key = (articleId: string) => `copydesk:suggesting:${articleId}`;

/** Whether this user last left the story in suggesting mode, as remembered on this device. */
export function readSuggestingPreference(articleId: string): boolean {
  try {
    return window.localStorage.getItem(key(articleId)) === '1';
  } catch {
    return false;
  }
}

/** Remembers the user's choice of editing or suggesting for the story on this device. */
export function writeSuggestingPreference(articleId: string, on: boolean): void {
  try {
    if (on) window.localStorage.setItem(key(articleId), '1');
    else window.localStorage.removeItem(key(articleId));
  } catch {
    // Private windows may refuse storage; the choice then lasts as long as the page.
  }
}
