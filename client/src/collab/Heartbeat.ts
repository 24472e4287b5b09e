import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';

const MESSAGE_QUERY_AWARENESS = 3;

export interface HeartbeatTiming {
  /** Ask the server for a sign of life after this long without any message from it. */
  quietMs: number;
  /** Call the connection dead when the answer takes longer than this. */
  answerMs: number;
}

/** Quiet for 4 s, no answer within 3 s: a dead connection shows within about 7 s, not y-websocket's 30. */
export const HEARTBEAT_TIMING: HeartbeatTiming = { quietMs: 4000, answerMs: 3000 };

/**
 * Notices a connection that died without a close frame (network gone, laptop lid, dead proxy).
 *
 * When the server has been quiet for `quietMs`, it sends a query-awareness message, which the
 * server answers with the story's awareness states; any message from the server counts as the
 * answer. No answer within `answerMs` calls `onDead`. A busy connection is never probed, and an
 * idle one costs one small round trip every few seconds.
 */
export class Heartbeat {
  private readonly timer: ReturnType<typeof setInterval>;
  private askedAt: number | null = null;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly onDead: () => void,
    private readonly timing: HeartbeatTiming = HEARTBEAT_TIMING,
  ) {
    this.timer = setInterval(this.tick, Math.min(timing.quietMs, timing.answerMs) / 4);
  }

  destroy(): void {
    clearInterval(this.timer);
  }

  private readonly tick = (): void => {
    const ws = this.provider.ws;
    // Before the first sync the indicator claims nothing, and a slow story load must not look like a dead socket.
    if (!this.provider.synced || !ws || ws.readyState !== ws.OPEN) {
      this.askedAt = null;
      return;
    }
    const now = Date.now();
    // y-websocket stamps every server message with Date.now() (lib0's getUnixTime).
    const lastHeard = this.provider.wsLastMessageReceived;
    if (this.askedAt !== null) {
      if (lastHeard >= this.askedAt) this.askedAt = null;
      else if (now - this.askedAt > this.timing.answerMs) {
        this.askedAt = null;
        this.onDead();
      }
      return;
    }
    if (now - lastHeard < this.timing.quietMs) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_QUERY_AWARENESS);
    ws.send(encoding.toUint8Array(encoder));
    this.askedAt = now;
  };
}
