import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {children}
    </svg>
  );
}

/** Toolbar glyphs, drawn so they look the same on every system (no emoji fonts needed). */
export const icons = {
  undo: (
    <Icon>
      <path d="M5 4 2 7l3 3" />
      <path d="M2 7h8a4 4 0 0 1 0 8H7" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="m11 4 3 3-3 3" />
      <path d="M14 7H6a4 4 0 0 0 0 8h3" />
    </Icon>
  ),
  link: (
    <Icon>
      <path d="M6.5 9.5a3 3 0 0 0 4.2 0l2.4-2.4a3 3 0 0 0-4.2-4.2L8 3.8" />
      <path d="M9.5 6.5a3 3 0 0 0-4.2 0L2.9 8.9a3 3 0 0 0 4.2 4.2l.9-.9" />
    </Icon>
  ),
  quote: (
    <Icon>
      <path d="M3 3v10" />
      <path d="M6.5 5h6.5M6.5 8h6.5M6.5 11h4" />
    </Icon>
  ),
  bulletList: (
    <Icon>
      <circle cx="3" cy="4" r="0.6" fill="currentColor" />
      <circle cx="3" cy="8" r="0.6" fill="currentColor" />
      <circle cx="3" cy="12" r="0.6" fill="currentColor" />
      <path d="M6 4h8M6 8h8M6 12h8" />
    </Icon>
  ),
  orderedList: (
    <Icon>
      <path d="M2.5 2.8 3.4 2.3v3.4" strokeWidth="1.2" />
      <path d="M2.3 9.6c.2-.8 1.9-.8 1.9.2 0 .7-1.9 1.3-1.9 2.1h2" strokeWidth="1.2" />
      <path d="M7 4h7M7 8h7M7 12h7" />
    </Icon>
  ),
  figure: (
    <Icon>
      <rect x="2" y="2.5" width="12" height="9" rx="1" />
      <path d="m2.5 10 3.2-3.2 2.6 2.6 1.7-1.7 3.5 3.3" />
      <path d="M4 14h8" />
    </Icon>
  ),
  readMore: (
    <Icon>
      <path d="M2 3v10" strokeWidth="2.4" />
      <path d="M6 5h8M6 8h8M6 11h5" />
    </Icon>
  ),
};
