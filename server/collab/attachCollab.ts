import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { SCHEMA_VERSION, isCompatibleSchema } from '../../shared/editor/version.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ArticleStore } from '../storage/ArticleStore.ts';
import { Connection } from './Connection.ts';
import type { DocumentRegistry } from './DocumentRegistry.ts';

/** What the collaboration endpoint needs. */
export interface CollabDeps {
  config: Pick<Config, 'maxMessageBytes'>;
  articleStore: ArticleStore;
  registry: DocumentRegistry;
  log: Logger;
  /** Keepalive ping interval; tests shorten it. */
  pingIntervalMs?: number;
}

const COLLAB_PATH = /^\/collab\/([^/]+)\/?$/;

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * Serves `ws://HOST/collab/:id?schemaVersion=X` on `server` with the y-websocket protocol.
 * Refusals happen after the handshake, with a shared close code the client can act on:
 * another schema major → SchemaMismatch, unknown story → NotFound (connecting never creates one).
 * Returns the WebSocketServer, to close on shutdown.
 */
export function attachCollab(server: Server, deps: CollabDeps): WebSocketServer {
  // ws enforces a hard cap at twice our limit; frames between the two get our own
  // MessageTooLarge code from Connection, only absurd ones ws's generic 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.maxMessageBytes * 2 });

  const onConnection = (ws: WebSocket, articleId: string, schemaVersion: string | null): void => {
    if (!isCompatibleSchema(schemaVersion)) {
      ws.close(CloseCode.SchemaMismatch, `this server edits with schema ${SCHEMA_VERSION}`);
      return;
    }
    if (!deps.articleStore.get(articleId)) {
      ws.close(CloseCode.NotFound, 'no such story');
      return;
    }
    const connection = new Connection(ws, {
      articleId,
      log: deps.log,
      maxMessageBytes: deps.config.maxMessageBytes,
      pingIntervalMs: deps.pingIntervalMs,
      onClose: () => deps.registry.release(articleId),
    });
    deps.registry.open(articleId).then(
      (doc) => connection.attach(doc),
      (error: unknown) => {
        deps.log.error('loading a story failed', { articleId, error });
        connection.close(CloseCode.InternalError, 'the story could not be loaded');
      },
    );
  };

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = COLLAB_PATH.exec(url.pathname);
    if (!match) {
      refuse(socket, '404 Not Found');
      return;
    }
    let articleId: string;
    try {
      articleId = decodeURIComponent(match[1]!);
    } catch {
      refuse(socket, '400 Bad Request');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, articleId, url.searchParams.get('schemaVersion')));
  });

  return wss;
}
