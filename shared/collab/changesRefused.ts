/**
 * Why the server did not store changes a socket sent, as the reason of y-websocket's
 * "permission denied" message (y-protocols/auth). Sent only when the changes would have changed
 * the story: the browser keeps them (and its device copy) and must not say they are saved.
 */
export const ChangesRefused = {
  /** The socket may only read the story (a viewer, or a writer whose story moved on in the workflow). */
  ReadOnly: 'read_only',
  /** The story is spiked: nobody may change it until it is restored. */
  Spiked: 'story_spiked',
} as const;

export type ChangesRefused = (typeof ChangesRefused)[keyof typeof ChangesRefused];

/** The browser's words for a refusal: what happened, and that the changes are still on this device. */
export function describeChangesRefused(reason: string): string {
  const why =
    reason === ChangesRefused.Spiked
      ? 'this story was spiked'
      : reason === ChangesRefused.ReadOnly
        ? 'this story is read-only for you now'
        : 'the server refused them';
  return `Not saved: ${why}. Your latest changes are kept on this device only.`;
}
