import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { isAccessNotice, type AccessNotice, type AccessNoticeBus } from '../../auth/AccessNotice.ts';
import type { Logger } from '../../log.ts';
import { answerNowOptions } from './answerNowOptions.ts';

/** The Redis channel every server of one installation (one database) listens on. */
export function accessChannel(installationId: string): string {
  return `copydesk:${installationId}:access`;
}

/**
 * AccessNoticeBus on a Redis channel: each notice is one JSON message `{from, notice}`, where
 * `from` is this server's random id, so a server skips its own. Story notices published in one
 * event-loop turn are sent once each (a transition both refreshes rules and reviews sockets).
 * While Redis is away notices are lost: what they would have closed is still checked where it
 * matters (every socket's session is re-read each SESSION_CHECK_MS; writes are judged by the
 * story's rules, which a story reloads after a relay outage).
 */
export class RedisAccessNotices implements AccessNoticeBus {
  readonly #id = randomBytes(8).toString('hex');
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #log: Logger;
  readonly #listeners: Array<(notice: AccessNotice) => void> = [];
  readonly #channel: string;
  readonly #storiesThisTurn = new Set<string>();

  private constructor(channel: string, publisher: Redis, subscriber: Redis, log: Logger) {
    this.#channel = channel;
    this.#publisher = publisher;
    this.#subscriber = subscriber;
    this.#log = log;
    subscriber.on('message', (_channel: string, message: string) => this.#deliver(message));
  }

  /**
   * Connects both connections and subscribes to the channel of `installationId` (the database's:
   * two newsrooms sharing one Redis never hear each other); rejects when Redis cannot be reached now.
   */
  static async connect(url: string, installationId: string, log: Logger): Promise<RedisAccessNotices> {
    const channel = accessChannel(installationId);
    const publisher = new Redis(url, answerNowOptions('copydesk-access-publish'));
    // The subscribing connection re-subscribes on its own after a reconnect.
    const subscriber = new Redis(url, { ...answerNowOptions('copydesk-access-subscribe'), enableOfflineQueue: true, autoResubscribe: true });
    for (const connection of [publisher, subscriber]) {
      connection.on('error', (error: Error) => log.debug('access notices: Redis connection error', { error: error.message }));
    }
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
      await subscriber.subscribe(channel);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      throw error;
    }
    return new RedisAccessNotices(channel, publisher, subscriber, log);
  }

  publish(notice: AccessNotice): void {
    if (notice.kind === 'story') {
      if (this.#storiesThisTurn.has(notice.articleId)) return;
      if (this.#storiesThisTurn.size === 0) setImmediate(() => this.#storiesThisTurn.clear());
      this.#storiesThisTurn.add(notice.articleId);
    }
    this.#publisher.publish(this.#channel, JSON.stringify({ from: this.#id, notice })).catch((error: unknown) => {
      this.#log.warn('access notices: a notice could not be sent to the other servers', {
        kind: notice.kind,
        error: error instanceof Error ? error.message : String(error),
      });
    });
  }

  onNotice(listener: (notice: AccessNotice) => void): void {
    this.#listeners.push(listener);
  }

  async close(): Promise<void> {
    this.#subscriber.disconnect();
    this.#publisher.disconnect();
  }

  #deliver(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    const { from, notice } = (parsed ?? {}) as { from?: unknown; notice?: unknown };
    if (from === this.#id || !isAccessNotice(notice)) return;
    for (const listener of this.#listeners) {
      try {
        listener(notice);
      } catch (error) {
        this.#log.error('access notices: a listener failed', { kind: notice.kind, error });
      }
    }
  }
}
