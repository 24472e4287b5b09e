/** What to show for a failure caught from the API or the browser: its message, or the value itself. */
export function errorMessage(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
