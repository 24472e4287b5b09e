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

/**
 * The editor's keyboard shortcuts, in toolbar order: the toolbar's button hints and the
 * shortcuts help both read this one table.
 */
export const EDITOR_SHORTCUTS = {
  undo: { label: 'Undo', shortcut: 'Mod-z' },
  redo: { label: 'Redo', shortcut: 'Mod-Shift-z' },
  bold: { label: 'Bold', shortcut: 'Mod-b' },
  italic: { label: 'Italic', shortcut: 'Mod-i' },
  link: { label: 'Link', shortcut: 'Mod-k' },
  h2: { label: 'Subheading', shortcut: 'Mod-Alt-2' },
  h3: { label: 'Minor subheading', shortcut: 'Mod-Alt-3' },
  quote: { label: 'Quote', shortcut: 'Mod-Shift-b' },
  bulletList: { label: 'Bulleted list', shortcut: 'Mod-Shift-8' },
  orderedList: { label: 'Numbered list', shortcut: 'Mod-Shift-7' },
} as const satisfies Record<string, { label: string; shortcut: string }>;
