import { describe, expect, it } from 'vitest';
import { formatDateTime } from './formatDateTime.ts';

describe('formatDateTime', () => {
  const moment = '2025-03-12T14:05:00Z';

  it('writes a moment as the locale does: 24 h in en-GB and de-DE, AM/PM in en-US', () => {
    expect(formatDateTime(moment, 'en-GB', 'UTC')).toBe('12 Mar 2025, 14:05');
    expect(formatDateTime(moment, 'de-DE', 'UTC')).toBe('12.03.2025, 14:05');
    expect(formatDateTime(moment, 'en-US', 'UTC').replace(/\s/g, ' ')).toBe('Mar 12, 2025, 2:05 PM');
  });

  it('reads the moment in the given time zone', () => {
    expect(formatDateTime(moment, 'en-GB', 'Asia/Tokyo')).toBe('12 Mar 2025, 23:05');
  });

  it('follows the browser’s locale when given none, and gives back what is not a date', () => {
    expect(formatDateTime(moment, undefined, 'UTC')).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(moment)));
    expect(formatDateTime('soon', 'en-GB')).toBe('soon');
  });
});
