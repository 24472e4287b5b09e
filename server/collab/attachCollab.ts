import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { SCHEMA_VERSION, isCompatibleSchema } from '../../shared/editor/version.ts';
import { isEditorial } from '../../shared/roles.ts';
import type { Accounts } from '../accounts/Accounts.ts';
import { clientAddress } from '../auth/clientAddress.ts';
import { needsEnrolment } from '../auth/mfa/needsEnrolment.ts';
import { checkOrigin } from '../auth/originCheck.ts';
import { resolveSession, type AuthContext } from '../auth/resolveSession.ts';
import { storyAccess } from '../auth/storyAccess.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { CollabMetrics } from '../metrics/CollabMetrics.ts';
import type { RequestBudget } from '../http/RequestBudget.ts';
import type { ArticleStore } from '../storage/ArticleStore.ts';
import type { CommitQueue } from './CommitQueue.ts';
import { Connection } from './Connection.ts';
import { RegistryClosingError, type DocumentRegistry } from './DocumentRegistry.ts';
import { SocketsPerAddress } from './SocketsPerAddress.ts';
import { TokenBucket } from './TokenBucket.ts';
import { TurnCork } from './TurnCork.ts';
import type { StorySockets } from './StorySockets.ts';
import { watchPartialFrames } from './watchPartialFrames.ts';

/** What the collaboration endpoint needs. */
export interface CollabDeps {
  config: Pick<
    Config,
    | 'maxMessageBytes'
    | 'allowedOrigins'
    | 'sessionTtlMs'
    | 'sessionCheckMs'
    | 'trustedProxies'
    | 'maxSocketsPerAddress'
    | 'partialFrameTimeoutMs'
    | 'maxSocketBufferBytes'
    | 'syncAnswerBytesPerSecond'
    | 'syncAnswerBurstBytes'
  >;
  articleStore: ArticleStore;
  registry: DocumentRegistry;
  /** The server's commit queue: what a commit relays leaves as soon as the commit is handled. */
  commits: Pick<CommitQueue, 'afterEachCommit'>;
  accounts: Pick<Accounts, 'users' | 'sessions' | 'members' | 'liveSockets' | 'mfa'>;
  storySockets: StorySockets;
  log: Logger;
  /** Keepalive ping interval; tests shorten it. */
  pingIntervalMs?: number;
  /** Counts what sockets send and the server refuses or holds back (none: not counted). */
  metrics?: CollabMetrics | null;
  /** Each handshake costs its account a point of this (none: unbounded). */
  requestBudget?: RequestBudget | null;
}

const COLLAB_PATH = /^\/collab\/([^/]+)\/?$/;

/** Answers a handshake with a bodiless HTTP error and drops the connection, reading nothing more from it. */
function refuse(socket: Duplex, status: string, headers = ''): void {
  socket.end(`HTTP/1.1 ${status}\r\n${headers}Connection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * Serves `ws://HOST/collab/:id?schemaVersion=X` on `server` with the y-websocket protocol.
 * The door is checked before the upgrade, so nothing a refused peer sends is ever read: a
 * handshake from another site's page (its `Origin`) gets HTTP 403, one without a valid session
 * cookie HTTP 401 (the browser then asks GET /api/me to tell "signed out" from "unreachable"),
 * and one from an address (clientAddress(), TRUSTED_PROXIES) that already has
 * `maxSocketsPerAddress` sockets open HTTP 429. Once upgraded, a frame announcing more than
 * `maxMessageBytes` closes the socket at its header (1009), and a message that is not complete
 * `partialFrameTimeoutMs` after its first byte terminates the socket.
 * The remaining refusals happen right after the handshake, with a shared close code the client
 * can act on, and before any story is read or loaded: another schema major → SchemaMismatch,
 * unknown story → NotFound (connecting never creates one).
 * A signed-in user who may not edit the story (viewer; reporter on someone else's story or on an
 * approved one) gets a read-only socket: the story is sent, their document updates are dropped.
 * Every `sessionCheckMs` the sockets whose session has expired (or is gone) close with Unauthorized:
 * a socket never outlives the session that opened it.
 * Returns the WebSocketServer, to close on shutdown (which also stops that check).
 */
export function attachCollab(server: Server, deps: CollabDeps): WebSocketServer {
  // ws refuses a message announcing more than the limit at its frame header (close 1009), before
  // buffering any of it; a fragmented message is refused once its fragments add up to more.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.maxMessageBytes });
  // Every socket's frames of one turn leave together (see TurnCork).
  const cork = new TurnCork();
  const stopFlushing = deps.commits.afterEachCommit(cork.flush);
  const perAddress = new SocketsPerAddress(deps.config.maxSocketsPerAddress);
  // One per account that opened a socket, kept when its sockets close: reconnecting does not refill it.
  const answerBudgets = new Map<number, TokenBucket>();
  const answerBudgetOf = (userId: number): TokenBucket => {
    let budget = answerBudgets.get(userId);
    if (!budget) answerBudgets.set(userId, (budget = new TokenBucket(deps.config.syncAnswerBytesPerSecond, deps.config.syncAnswerBurstBytes)));
    return budget;
  };
  const { users, sessions, members, liveSockets } = deps.accounts;

  // Read before the upgrade, so no frame of the new socket arrives while the stores answer.
  const readStory = async (articleId: string, schemaVersion: string | null) => {
    if (!isCompatibleSchema(schemaVersion)) return null;
    const record = await deps.articleStore.get(articleId);
    return record ? { record, people: await members.get(articleId) } : undefined;
  };

  const onConnection = (
    ws: WebSocket,
    socket: Duplex,
    articleId: string,
    story: Awaited<ReturnType<typeof readStory>>,
    auth: AuthContext,
  ): void => {
    if (story === null) {
      ws.close(CloseCode.SchemaMismatch, `this server edits with schema ${SCHEMA_VERSION}`);
      return;
    }
    if (!story) {
      ws.close(CloseCode.NotFound, 'no such story');
      return;
    }
    const { record, people } = story;
    const { user } = auth;
    let unregister: Array<() => void> = [];
    const connection = new Connection(ws, {
      articleId,
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, color: user.color },
      access: storyAccess(user, record.status, people, (record.spikedAt ?? null) !== null),
      log: deps.log,
      maxMessageBytes: deps.config.maxMessageBytes,
      maxBufferedBytes: deps.config.maxSocketBufferBytes,
      answerBudget: answerBudgetOf(user.id),
      pingIntervalMs: deps.pingIntervalMs,
      metrics: deps.metrics ?? null,
      corked: { socket, cork },
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
    liveSockets.closeExpired((hash) => sessions.isLive(hash, now), CloseCode.Unauthorized, 'session expired').then(
      (closed) => {
        if (closed > 0) deps.log.info('closed sockets whose session expired', { sockets: closed });
      },
      (error: unknown) => deps.log.error('checking the sessions of open sockets failed', { error }),
    );
  }, deps.config.sessionCheckMs);
  sessionCheck.unref();
  wss.on('close', () => {
    clearInterval(sessionCheck);
    stopFlushing();
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    upgrade(request, socket, head).catch((error: unknown) => {
      deps.log.error('a collaboration handshake failed', { error });
      refuse(socket, '503 Service Unavailable');
    });
  });

  const upgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
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
    // No story id holds NUL, and PostgreSQL refuses it in a look-up.
    if (articleId.includes('\u0000')) {
      refuse(socket, '400 Bad Request');
      return;
    }
    const auth = await resolveSession(request.headers.cookie, { users, sessions, sessionTtlMs: deps.config.sessionTtlMs });
    if (socket.destroyed) return;
    if (!auth) {
      refuse(socket, '401 Unauthorized');
      return;
    }
    // A session limited to enrolling in two-step sign-in opens no story.
    if (await needsEnrolment(deps.accounts.mfa, auth.user)) {
      if (!socket.destroyed) refuse(socket, '403 Forbidden');
      return;
    }
    const address = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], deps.config.trustedProxies);
    // A handshake costs its account as a request does: a script reconnecting in a loop is refused
    // before any story is read for it. A budget that cannot be read lets it through.
    const spent = deps.requestBudget ? await deps.requestBudget.spend(auth.user.id, 1, 'socket').catch(() => ({ ok: true }) as const) : null;
    if (socket.destroyed) return;
    if (spent && !spent.ok) {
      if (spent.first) deps.log.warn('refused a socket: its account went over its request budget', { user: auth.user.username, address });
      refuse(socket, '429 Too Many Requests', `Retry-After: ${Math.max(1, Math.ceil(spent.retryAfterMs / 1000))}\r\n`);
      return;
    }
    const release = perAddress.tryAdd(address);
    if (!release) {
      deps.log.warn('refused a socket: too many open from one address', { address, limit: perAddress.limit });
      refuse(socket, '429 Too Many Requests');
      return;
    }
    // The place is held by the connection itself, however it ends (a failed handshake included).
    socket.once('close', release);
    const schemaVersion = url.searchParams.get('schemaVersion');
    const story = await readStory(articleId, schemaVersion);
    if (socket.destroyed) return;
    wss.handleUpgrade(request, socket, head, (ws) => {
      watchPartialFrames(socket, deps.config.partialFrameTimeoutMs, () => {
        deps.log.info('terminated a socket whose message stayed incomplete', { articleId, user: auth.user.username, address });
        ws.terminate();
      });
      onConnection(ws, socket, articleId, story, auth);
    });
  };

  return wss;
}
