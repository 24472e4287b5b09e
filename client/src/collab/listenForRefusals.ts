import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';
import { readRefusalNotice, type RefusalNotice } from '../../../shared/collab/refusalNotice.ts';

const MESSAGE_AUTH = 2;

/**
 * Hands `onRefused` every "permission denied" message (y-protocols/auth) the server sends on
 * `provider`'s sockets: changes it dropped or undid (a ChangesRefused id), with the words it undid,
 * and follow-ups with words the story did not keep (typed into a deleted block).
 * y-websocket's own handler only logs them.
 */
export function listenForRefusals(provider: WebsocketProvider, onRefused: (notice: RefusalNotice) => void): void {
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) =>
    authProtocol.readAuthMessage(decoder, provider.doc, (_doc: unknown, text: string) => onRefused(readRefusalNotice(text)));
}
