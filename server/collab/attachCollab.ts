import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { SCHEMA_VERSION, isCompatibleSchema } from '../../shared/editor/version.ts';
import { isEditorial } from '../../shared/roles.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import { checkOrigin } from '../auth/originCheck.ts';
import { resolveSession, type AuthContext } from '../auth/resolveSession.ts';
import { storyAccess } from '../auth/storyAccess.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ArticleStore } from '../storage/ArticleStore.ts';
import { Connection } from './Connection.ts';
import { RegistryClosingError, type DocumentRegistry } from './DocumentRegistry.ts';
import type { StorySockets } from './StorySockets.ts';

/** What the collaboration endpoint needs. */
export interface CollabDeps {
  config: Pick<Config, 'maxMessageBytes' | 'allowedOrigins' | 'sessionTtlMs' | 'sessionCheckMs'>;
  articleStore: ArticleStore;
  registry: DocumentRegistry;
  accounts: Pick<Accounts, 'users' | 'sessions' | 'members' | 'liveSockets'>;
  storySockets: StorySockets;
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
 * A handshake from another site's page (its `Origin`) is refused with HTTP 403: a foreign page
 * gets nothing to act on. Every other refusal happens right after the handshake, with a shared
 * close code the client can act on, and before any story is read or loaded:
 * no valid session cookie → Unauthorized, another schema major → SchemaMismatch,
 * unknown story → NotFound (connecting never creates one).
 * A signed-in user who may not edit the story (viewer; reporter on someone else's story or on an
 * approved one) gets a read-only socket: the story is sent, their document updates are dropped.
 * Every `sessionCheckMs` the sockets whose session has expired (or is gone) close with Unauthorized:
 * a socket never outlives the session that opened it.
 * Returns the WebSocketServer, to close on shutdown (which also stops that check).
 */
export function attachCollab(server: Server, deps: CollabDeps): WebSocketServer {
  // ws enforces a hard cap at twice our limit; frames between the two get our own
  // MessageTooLarge code from Connection, only absurd ones ws's generic 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.maxMessageBytes * 2 });
  const { users, sessions, members, liveSockets } = deps.accounts;

  const onConnection = (ws: WebSocket, articleId: string, schemaVersion: string | null, auth: AuthContext | null): void => {
    if (!auth) {
      ws.close(CloseCode.Unauthorized, 'sign in first');
      return;
    }
    if (!isCompatibleSchema(schemaVersion)) {
      ws.close(CloseCode.SchemaMismatch, `this server edits with schema ${SCHEMA_VERSION}`);
      return;
    }
    const record = deps.articleStore.get(articleId);
    if (!record) {
      ws.close(CloseCode.NotFound, 'no such story');
      return;
    }
    const { user } = auth;
    let unregister: Array<() => void> = [];
    const connection = new Connection(ws, {
      articleId,
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, color: user.color },
      access: storyAccess(user, record.status, members.get(articleId)),
      log: deps.log,
      suggestionsRequired: () => {
        const story = deps.articleStore.get(articleId);
        return !!story && story.status === 'in_review' && (story.requireSuggestions ?? false) && !isEditorial(user.role);
      },
      maxMessageBytes: deps.config.maxMessageBytes,
      pingIntervalMs: deps.pingIntervalMs,
      onClose: () => {
        for (const done of unregister) done();
        unregister = [];
        deps.registry.release(articleId);
      },
    });
    unregister = [liveSockets.add(user.id, auth.session.idHash, connection), deps.storySockets.add(articleId, connection)];
    deps.registry.open(articleId).then(
      (doc) => connection.attach(doc),
      (error: unknown) => {
        if (error instanceof RegistryClosingError) {
          connection.close(CloseCode.ServerShutdown, 'server shutting down');
          return;
        }
        deps.log.error('loading a story failed', { articleId, error });
        connection.close(CloseCode.InternalError, 'the story could not be loaded');
      },
    );
  };

  const sessionCheck = setInterval(() => {
    const now = new Date();
    const closed = liveSockets.closeExpired((hash) => sessions.isLive(hash, now), CloseCode.Unauthorized, 'session expired');
    if (closed > 0) deps.log.info('closed sockets whose session expired', { sockets: closed });
  }, deps.config.sessionCheckMs);
  sessionCheck.unref();
  wss.on('close', () => clearInterval(sessionCheck));

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = COLLAB_PATH.exec(url.pathname);
    if (!match) {
      refuse(socket, '404 Not Found');
      return;
    }
    if (!checkOrigin(request.headers, { allowedOrigins: deps.config.allowedOrigins }).ok) {
      refuse(socket, '403 Forbidden');
      return;
    }
    let articleId: string;
    try {
      articleId = decodeURIComponent(match[1]!);
    } catch {
      refuse(socket, '400 Bad Request');
      return;
    }
    const auth = resolveSession(request.headers.cookie, { users, sessions, sessionTtlMs: deps.config.sessionTtlMs });
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, articleId, url.searchParams.get('schemaVersion'), auth));
  });

  return wss;
}
