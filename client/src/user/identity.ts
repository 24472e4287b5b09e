/** Who is typing in this browser: shown on the collaboration caret and in presence lists. */
export interface Identity {
  name: string;
  color: string;
}

const STORAGE_KEY = 'copydesk.identity';

/** Colors legible behind white caret labels and distinct from one another. */
export const IDENTITY_COLORS = [
  '#c2410c',
  '#0f766e',
  '#1d4ed8',
  '#7e22ce',
  '#be123c',
  '#4d7c0f',
  '#a16207',
  '#0e7490',
  '#9d174d',
  '#4338ca',
] as const;

/** A random color from the palette. */
export function pickColor(random: () => number = Math.random): string {
  const index = Math.floor(random() * IDENTITY_COLORS.length) % IDENTITY_COLORS.length;
  return IDENTITY_COLORS[index] ?? IDENTITY_COLORS[0];
}

/** Parse a stored identity, or null when it is missing or malformed. */
export function parseIdentity(raw: string | null): Identity | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { name, color } = value as Record<string, unknown>;
    if (typeof name !== 'string' || !name.trim()) return null;
    if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return null;
    return { name: name.trim(), color };
  } catch {
    return null;
  }
}

/** The identity remembered in this browser, if any. */
export function loadIdentity(storage: Storage = window.localStorage): Identity | null {
  return parseIdentity(storage.getItem(STORAGE_KEY));
}

/** Remember a name in this browser, keeping the color it already had. */
export function saveIdentity(name: string, storage: Storage = window.localStorage): Identity {
  const identity = { name: name.trim(), color: loadIdentity(storage)?.color ?? pickColor() };
  storage.setItem(STORAGE_KEY, JSON.stringify(identity));
  return identity;
}
