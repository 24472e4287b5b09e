import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';

const MESSAGE_AUTH = 2;

/**
 * Hands `onRefused` the reason of every "permission denied" message (y-protocols/auth) the server
 * sends on `provider`'s sockets: changes it dropped or undid (a ChangesRefused id). y-websocket's own
 * handler only logs them.
 */
export function listenForRefusals(provider: WebsocketProvider, onRefused: (reason: string) => void): void {
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) =>
    authProtocol.readAuthMessage(decoder, provider.doc, (_doc: unknown, reason: string) => onRefused(reason));
}
