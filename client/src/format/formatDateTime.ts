const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string | undefined, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A moment as the reader's locale writes it, the one date-and-time format of the app: "12 Mar 2025,
 * 14:05" in en-GB, "Mar 12, 2025, 2:05 PM" in en-US (the locale decides between 24 h and AM/PM).
 * `locale` and `timeZone` default to the browser's; `iso` itself comes back when it is not a date.
 */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatterFor(locale, timeZone).format(date);
}
