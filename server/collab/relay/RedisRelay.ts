import { randomBytes } from 'node:crypto';
import { RelayStartError } from './RelayStartError.ts';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../../log.ts';
import type { RelayMetrics } from '../../metrics/CollabMetrics.ts';
import type { RelayHandlers, RelaySubscription, StoryRelay } from './StoryRelay.ts';

/** The Redis channel of one story. */
export const STORY_CHANNEL_PREFIX = 'copydesk:story:';

/** First byte of a relay message: what the rest carries. */
const KIND_UPDATE = 1;
const KIND_AWARENESS = 2;
/** "I stored updates of this story I could not publish: read its log." Empty payload. */
const KIND_RESYNC = 3;

/** Bytes of the random id that marks which server published a message. */
const SERVER_ID_BYTES = 16;
/** A message is [kind: 1 byte][server id: 16 bytes][the update's bytes]. */
const HEADER_BYTES = 1 + SERVER_ID_BYTES;
/**
 * Set on the kind byte of a message that also carries its publish time, for the relay lag:
 * [kind | STAMPED][server id][published at: float64 ms since the epoch][the update's bytes].
 * Every message is stamped now; unstamped ones (servers of an earlier version) are still read.
 */
const STAMPED = 0x80;
const STAMP_BYTES = 8;

/**
 * Bytes of publishes sent and not yet answered by Redis. Past this a publish is dropped rather
 * than queued: a stalled Redis must not grow the server's memory without bound. Counted in bytes,
 * not messages: a busy event-loop turn legitimately sends tens of thousands of small updates.
 */
const MAX_IN_FLIGHT_BYTES = 64 * 1024 * 1024;
/** At most one "dropped publishes" warning per this interval (an outage would otherwise log every keystroke). */
const DROP_WARNING_INTERVAL_MS = 10_000;


interface Subscriber {
  handlers: RelayHandlers;
}

interface StoryChannel {
  subscribers: Set<Subscriber>;
  /** Settles once Redis confirmed SUBSCRIBE (or at once while disconnected: the reconnection subscribes it). */
  confirmed: Promise<void>;
}

/** Host and port only: a URL may carry a password, which must not reach the log. */
function describe(url: URL): string {
  return `${url.hostname || '127.0.0.1'}:${url.port || '6379'}`;
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RelayStartError('relay_bad_url', 'REDIS_URL is not a URL (expected redis://host:port or rediss://host:port)');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new RelayStartError('relay_bad_url', `REDIS_URL must start with redis:// or rediss://, got ${parsed.protocol}//`);
  }
  return parsed;
}

function connectionOptions(name: string): RedisOptions {
  return {
    lazyConnect: true,
    connectionName: name,
    // Never queue while disconnected: a publish is dropped, and the other servers catch up from
    // the database when the relay is back (onReconnect). Unanswered commands fail at once on a
    // lost connection (maxRetriesPerRequest 0) instead of being resent or kept forever.
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    // ioredis re-subscribes on its own but emits `ready` before Redis confirmed it; we
    // re-subscribe ourselves so onReconnect fires only once the channels are live again.
    autoResubscribe: false,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 5), 1_000),
  };
}

/**
 * Connects the servers through Redis pub/sub: one channel per story (`copydesk:story:<id>`),
 * binary messages tagged with this process's random server id so a server never receives its
 * own. One publishing and one subscribing connection per server; several subscriptions of one
 * story share one Redis subscription.
 *
 * While Redis is unreachable publishes are dropped (not queued), `healthy` is false, and
 * `subscribe` resolves at once with the story registered; once both connections are back and
 * every story's channel is subscribed again, the onReconnect listeners run so each open story
 * re-reads its log from the database.
 */
export { RelayStartError };

export class RedisRelay implements StoryRelay {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #log: Logger;
  readonly #metrics: RelayMetrics | null;
  readonly #serverId = randomBytes(SERVER_ID_BYTES);
  readonly #channels = new Map<string, StoryChannel>();
  readonly #reconnectListeners = new Set<() => void>();
  /** Whether the subscriber connection has every story's channel subscribed. */
  #subscribed = true;
  /** Whether a connection was lost and onReconnect is owed. */
  #lost = false;
  #closed = false;
  #inFlightBytes = 0;
  #dropped = 0;
  /** Stories with stored updates this server dropped instead of publishing; the others are told to re-read them. */
  readonly #unsent = new Set<string>();
  #lastDropWarning = 0;
  #resubscribeAttempt = 0;

  /** Use createRedisRelay: it connects both connections before handing the relay out. */
  constructor(publisher: Redis, subscriber: Redis, log: Logger, metrics: RelayMetrics | null = null) {
    this.#publisher = publisher;
    this.#subscriber = subscriber;
    this.#log = log;
    this.#metrics = metrics;
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#deliver(channel, message));
    subscriber.on('close', () => {
      this.#subscribed = false;
      this.#noteLost();
    });
    subscriber.on('ready', () => void this.#resubscribe());
    publisher.on('close', () => this.#noteLost());
    publisher.on('ready', () => this.#maybeRecovered());
  }

  get healthy(): boolean {
    return !this.#closed && this.#subscribed && this.#publisher.status === 'ready' && this.#subscriber.status === 'ready';
  }

  publishUpdate(articleId: string, update: Uint8Array): void {
    this.#publish(KIND_UPDATE, articleId, update);
  }

  publishAwareness(articleId: string, update: Uint8Array): void {
    this.#publish(KIND_AWARENESS, articleId, update);
  }

  /**
   * Handlers may be called as soon as this is called, before it resolves (Redis may deliver a
   * message in the same read as the SUBSCRIBE confirmation).
   */
  async subscribe(articleId: string, handlers: RelayHandlers): Promise<RelaySubscription> {
    if (this.#closed) throw new Error('The relay is closed');
    const name = STORY_CHANNEL_PREFIX + articleId;
    let channel = this.#channels.get(name);
    if (!channel) {
      channel = { subscribers: new Set(), confirmed: this.#subscribeChannel(name) };
      this.#channels.set(name, channel);
    }
    const subscriber: Subscriber = { handlers };
    channel.subscribers.add(subscriber);
    const subscription: RelaySubscription = { close: () => this.#unsubscribe(name, channel, subscriber) };
    try {
      await channel.confirmed;
    } catch (error) {
      await subscription.close();
      throw error;
    }
    return subscription;
  }

  onReconnect(listener: () => void): () => void {
    this.#reconnectListeners.add(listener);
    return () => this.#reconnectListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#channels.clear();
    this.#reconnectListeners.clear();
    await Promise.all(
      [this.#publisher, this.#subscriber].map(async (connection) => {
        try {
          await connection.quit();
        } catch {
          // Not connected: nothing to say goodbye to; stop reconnecting.
          connection.disconnect();
        }
      }),
    );
  }

  #subscribeChannel(name: string): Promise<void> {
    // Disconnected: the channel is in #channels, so the resubscription once Redis is back covers it.
    if (this.#subscriber.status !== 'ready') return Promise.resolve();
    return this.#subscriber.subscribe(name).then(
      () => undefined,
      (error: unknown) => {
        if (this.#subscriber.status !== 'ready') return; // lost mid-way: resubscribed when back
        throw error;
      },
    );
  }

  async #unsubscribe(name: string, channel: StoryChannel, subscriber: Subscriber): Promise<void> {
    if (!channel.subscribers.delete(subscriber)) return;
    if (channel.subscribers.size > 0 || this.#channels.get(name) !== channel) return;
    this.#channels.delete(name);
    if (this.#closed || this.#subscriber.status !== 'ready') return;
    try {
      await this.#subscriber.unsubscribe(name);
    } catch (error) {
      // Lost connection: it is not re-subscribed, as it left #channels.
      this.#log.debug('relay: unsubscribe failed', { channel: name, error });
    }
  }

  #publish(kind: number, articleId: string, payload: Uint8Array): void {
    if (this.#closed) return;
    if (this.#publisher.status !== 'ready') return this.#drop('disconnected', articleId, kind);
    if (this.#inFlightBytes >= MAX_IN_FLIGHT_BYTES) return this.#drop('backlog', articleId, kind);
    const message = Buffer.allocUnsafe(HEADER_BYTES + STAMP_BYTES + payload.length);
    message[0] = kind | STAMPED;
    this.#serverId.copy(message, 1);
    message.writeDoubleBE(Date.now(), HEADER_BYTES);
    message.set(payload, HEADER_BYTES + STAMP_BYTES);
    this.#inFlightBytes += message.length;
    this.#publisher.publish(STORY_CHANNEL_PREFIX + articleId, message).then(
      () => {
        this.#inFlightBytes -= message.length;
        if (this.#unsent.size > 0 && this.#inFlightBytes < MAX_IN_FLIGHT_BYTES / 2) this.#sendResyncs();
      },
      (error: unknown) => {
        this.#inFlightBytes -= message.length;
        this.#drop('failed', articleId, kind, error);
      },
    );
  }

  /** Tells the other servers to re-read each story whose stored updates this server could not publish. */
  #sendResyncs(): void {
    if (!this.healthy) return;
    const stories = [...this.#unsent];
    this.#unsent.clear();
    for (const articleId of stories) this.#publish(KIND_RESYNC, articleId, new Uint8Array(0));
  }

  #drop(reason: 'disconnected' | 'backlog' | 'failed', articleId: string, kind: number, error?: unknown): void {
    this.#dropped++;
    // A lost cursor is replaced by the next one; a lost update is in the database, and the others must read it.
    if (kind !== KIND_AWARENESS) this.#unsent.add(articleId);
    const now = Date.now();
    if (now - this.#lastDropWarning < DROP_WARNING_INTERVAL_MS) return;
    this.#lastDropWarning = now;
    this.#log.warn('relay: publish dropped; other servers catch up from the database when the relay is back', {
      reason,
      dropped: this.#dropped,
      ...(error === undefined ? {} : { error }),
    });
  }

  #deliver(channelName: Buffer, message: Buffer): void {
    const channel = this.#channels.get(channelName.toString());
    if (!channel) return;
    const stamped = ((message[0] ?? 0) & STAMPED) !== 0;
    const start = stamped ? HEADER_BYTES + STAMP_BYTES : HEADER_BYTES;
    if (message.length < start) {
      this.#log.warn('relay: message too short, ignored', { channel: channelName.toString(), bytes: message.length });
      return;
    }
    if (this.#serverId.compare(message, 1, HEADER_BYTES) === 0) return;
    const kind = message[0]! & ~STAMPED;
    const payload = message.subarray(start);
    for (const { handlers } of [...channel.subscribers]) {
      try {
        if (kind === KIND_UPDATE) handlers.update(payload);
        else if (kind === KIND_AWARENESS) handlers.awareness(payload);
        else if (kind === KIND_RESYNC) handlers.resync?.();
        else {
          this.#log.warn('relay: unknown message kind, ignored', { channel: channelName.toString(), kind });
          return;
        }
      } catch (error) {
        this.#log.error('relay: a story failed to apply a relayed message', { channel: channelName.toString(), kind, error });
      }
    }
    if (stamped && kind === KIND_UPDATE) this.#metrics?.relayed((Date.now() - message.readDoubleBE(HEADER_BYTES)) / 1000);
  }

  #noteLost(): void {
    if (this.#closed || this.#lost) return;
    this.#lost = true;
    this.#log.warn('relay: lost the connection to Redis; publishes are dropped until it is back');
  }

  async #resubscribe(): Promise<void> {
    const attempt = ++this.#resubscribeAttempt;
    const names = [...this.#channels.keys()];
    try {
      if (names.length > 0) await this.#subscriber.subscribe(...names);
    } catch (error) {
      // Lost again before Redis answered: the next `ready` tries again.
      this.#log.debug('relay: re-subscribing failed', { channels: names.length, error });
      return;
    }
    if (attempt !== this.#resubscribeAttempt || this.#closed || this.#subscriber.status !== 'ready') return;
    this.#subscribed = true;
    this.#maybeRecovered();
  }

  #maybeRecovered(): void {
    if (!this.#lost || !this.healthy) return;
    this.#lost = false;
    this.#log.info('relay: Redis is back; open stories catch up from the database', {
      channels: this.#channels.size,
      dropped: this.#dropped,
    });
    this.#dropped = 0;
    for (const listener of [...this.#reconnectListeners]) {
      try {
        listener();
      } catch (error) {
        this.#log.error('relay: a reconnect listener failed', { error });
      }
    }
    // The others were connected all along and missed what this server stored meanwhile.
    this.#sendResyncs();
  }
}

/**
 * Connects to the Redis at `url` (redis:// or rediss://) with a publishing and a subscribing
 * connection. Rejects with a RelayStartError for a malformed URL or a Redis that cannot be
 * reached now; once started, the relay reconnects on its own for as long as it is open.
 */
export async function createRedisRelay(url: string, log: Logger, metrics: RelayMetrics | null = null): Promise<RedisRelay> {
  const parsed = parseUrl(url);
  const publisher = new Redis(url, connectionOptions('copydesk-relay-publish'));
  const subscriber = new Redis(url, connectionOptions('copydesk-relay-subscribe'));
  // ioredis prints unhandled `error` events; the relay reports outages itself (close/ready).
  for (const connection of [publisher, subscriber]) {
    connection.on('error', (error: Error) => log.debug('relay: Redis connection error', { error: error.message }));
  }
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new RelayStartError('relay_unreachable', `Redis at ${describe(parsed)} (REDIS_URL) is unreachable: ${reason}`);
  }
  log.info('relay: connected to Redis', { redis: describe(parsed) });
  return new RedisRelay(publisher, subscriber, log, metrics);
}
