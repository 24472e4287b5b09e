const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number): string => String(n).padStart(2, '0');

/** "1 May 2024": the same on every server, whatever its locale. */
export function displayDay(iso: string): string {
  const date = new Date(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "1 May 2024, 09:30 UTC": the same on every server, whatever its locale. */
export function displayDate(iso: string): string {
  const date = new Date(iso);
  return `${displayDay(iso)}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
