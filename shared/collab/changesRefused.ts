/**
 * Why the server did not take changes a socket sent, as the reason of y-websocket's "permission
 * denied" message (y-protocols/auth). Sent only when the changes would have changed the story.
 */
export const ChangesRefused = {
  /** The socket may only read the story (a viewer, or a writer whose story moved on in the workflow). Dropped: kept on the device. */
  ReadOnly: 'read_only',
  /** The story is spiked: nobody may change it until it is restored. Dropped: kept on the device. */
  Spiked: 'story_spiked',
  /** Plain edits by a non-editor while suggestions are required. Undone for everyone (the sender too). */
  SuggestionsRequired: 'suggestions_required',
  /** The story would no longer fit the article schema. Undone for everyone. */
  Schema: 'schema',
  /** Comment threads change through the comments API only. Undone for everyone. */
  Comments: 'comments',
  /**
   * Words typed into a block deleted before they arrived (a colleague deleted the paragraph while
   * the writer typed in it, or while she was offline): the story keeps nothing of them. Not a
   * refusal: they are sent back to the writer as a follow-up.
   */
  BlockDeleted: 'block_deleted',
} as const;

export type ChangesRefused = (typeof ChangesRefused)[keyof typeof ChangesRefused];

/**
 * Whether refused changes stay on the sender's device, unsaved (the server dropped them and sends
 * them on when it may), rather than being undone in the story for everyone.
 */
export function keptOnDevice(reason: string): boolean {
  return reason === ChangesRefused.ReadOnly || reason === ChangesRefused.Spiked;
}

/** The browser's words for changes kept on this device: what happened, and where they are. */
export function describeChangesRefused(reason: string): string {
  const why = reason === ChangesRefused.Spiked ? 'this story was spiked' : 'this story is read-only for you now';
  return `Not saved: ${why}. Your latest changes are kept on this device only.`;
}

/** The browser's words for changes the server undid in the story. */
export function describeChangesUndone(reason: string): string {
  switch (reason) {
    case ChangesRefused.SuggestionsRequired:
      return 'Your last edit was undone: edits to this story must be suggestions now. Make it again as a suggestion: words it took away are kept above the story.';
    case ChangesRefused.Schema:
      return 'Your last edit was undone: it did not fit the structure of a story.';
    case ChangesRefused.Comments:
      return 'Your last edit was undone: comments change through the comment panel only.';
    default:
      return 'Your last edit was undone by the server.';
  }
}
