import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import { SCHEMA_VERSION } from '../shared/editor/version.ts';

/** A headless client of one story. */
export interface StoryClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves when the first sync with the server completes. */
  synced: Promise<void>;
  destroy(): void;
}

/** A `ws` WebSocket class that sends the session cookie on the handshake, as the browser does. */
function webSocketWith(cookie: string | null): typeof globalThis.WebSocket {
  class SessionWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return SessionWebSocket as unknown as typeof globalThis.WebSocket;
}

/**
 * Opens a story the way the browser does (y-websocket, session cookie, schema version stated),
 * without an editor.
 */
export function openStory(
  collabUrl: string,
  storyId: string,
  user: { name: string; color: string },
  cookie: string | null,
  timeoutMs = 60_000,
): StoryClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collabUrl, storyId, doc, {
    WebSocketPolyfill: webSocketWith(cookie),
    params: { schemaVersion: SCHEMA_VERSION },
    disableBc: true,
  });
  provider.awareness.setLocalStateField('user', user);
  const synced = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Story ${storyId} did not sync within ${timeoutMs} ms`)), timeoutMs);
    provider.on('sync', (state) => {
      if (!state) return;
      clearTimeout(timer);
      resolve();
    });
    provider.on('closed', (event) => {
      clearTimeout(timer);
      reject(new Error(`Story ${storyId} closed by the server: ${event.code} ${event.reason}`));
    });
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
