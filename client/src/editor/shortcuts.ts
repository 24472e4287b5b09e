const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A Tiptap-style shortcut ("Mod-Alt-2") spelled for this computer ("⌘⌥2" or "Ctrl+Alt+2"). */
export function shortcutLabel(shortcut: string): string {
  const parts = shortcut.split('-');
  if (isApple) {
    const symbols: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧', Ctrl: '⌃' };
    return parts.map((part) => symbols[part] ?? part.toUpperCase()).join('');
  }
  return parts.map((part) => (part === 'Mod' ? 'Ctrl' : part.length === 1 ? part.toUpperCase() : part)).join('+');
}
