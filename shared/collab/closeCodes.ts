/**
 * WebSocket close codes understood by both the server and the browser.
 * 4000–4999 is the range RFC 6455 leaves to applications; the last three digits
 * echo the closest HTTP status so logs read naturally.
 */
export const CloseCode = {
  /** The frame could not be decoded, or carried an unknown message type. */
  BadMessage: 4400,
  /** No session, or the session expired. */
  Unauthorized: 4401,
  /** Signed in, but not allowed to open this story. */
  Forbidden: 4403,
  /** The story does not exist. */
  NotFound: 4404,
  /** The story was deleted for good while open (an admin deleted it from the spike). */
  StoryDeleted: 4410,
  /** A single message exceeded the server's size limit. */
  MessageTooLarge: 4413,
  /**
   * RFC 6455's own "message too big": the socket layer sends it when a frame's header announces
   * more than the server's size limit, before any of the payload is read.
   */
  MessageTooBig: 1009,
  /**
   * An awareness (cursor and presence) state was larger than the server allows, or one socket
   * spoke for too many awareness clients. The socket's metadata, not the story: like HTTP 431.
   * Fatal: the browser would send the same state again on every reconnect.
   */
  AwarenessTooLarge: 4431,
  /** The client's editor schema has another major version: reload to update. */
  SchemaMismatch: 4426,
  /** The server failed to load or store the story; retry later. */
  InternalError: 4500,
  /** The server is shutting down; reconnect shortly. */
  ServerShutdown: 4503,
  /**
   * The story's status, assignees or the user's rights changed: reconnect to get the new access.
   * Outside 4400–4499 on purpose: y-websocket's default `shouldReconnect` gives up on that range.
   */
  AccessChanged: 4205,
  /**
   * The client's changes depend on changes the server never received, and they did not arrive when
   * asked: reconnect and sync again. Outside 4400–4499 so y-websocket reconnects by itself.
   */
  ResyncRequired: 4208,
  /**
   * The server held more for this socket than its limit while the browser did not read it (a
   * stalled or very slow connection): reconnect and catch up. Outside 4400–4499 so y-websocket
   * reconnects by itself; the browser may never see it, when nothing it is sent gets through.
   */
  FellBehind: 4213,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Codes after which reconnecting without user action cannot help. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.Unauthorized,
  CloseCode.Forbidden,
  CloseCode.NotFound,
  CloseCode.StoryDeleted,
  CloseCode.SchemaMismatch,
  CloseCode.AwarenessTooLarge,
]);

/** A human sentence for a close code, shown by the client. */
export function describeCloseCode(code: number): string | null {
  switch (code) {
    case CloseCode.BadMessage:
      return 'The server could not read a message from this browser.';
    case CloseCode.Unauthorized:
      return 'You are signed out. Sign in again to keep editing.';
    case CloseCode.Forbidden:
      return 'You do not have access to this story.';
    case CloseCode.NotFound:
      return 'This story does not exist. It may have been deleted.';
    case CloseCode.StoryDeleted:
      return 'This story was deleted.';
    case CloseCode.MessageTooLarge:
    case CloseCode.MessageTooBig:
      return 'A change was too large for the server to accept.';
    case CloseCode.AwarenessTooLarge:
      return 'This browser sent more cursor and presence information than the server accepts. Reload the page.';
    case CloseCode.SchemaMismatch:
      return 'Copydesk has been updated. Reload the page to continue editing.';
    case CloseCode.InternalError:
      return 'The server had a problem with this story. Retrying…';
    case CloseCode.ServerShutdown:
      return 'The server is restarting. Reconnecting…';
    case CloseCode.AccessChanged:
      return 'Who may edit this story changed. Reconnecting with your current rights…';
    case CloseCode.ResyncRequired:
      return 'Some of your changes had to be sent again. Reconnecting…';
    case CloseCode.FellBehind:
      return 'This connection fell too far behind the story. Reconnecting…';
    default:
      return null;
  }
}
