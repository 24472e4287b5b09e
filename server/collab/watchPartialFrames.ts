import type { Duplex } from 'node:stream';
import { FrameTracker } from './FrameTracker.ts';

/**
 * Calls `onStall` (once) when a message that started arriving on the upgraded `socket` is not
 * complete `timeoutMs` later: a frame header announcing megabytes followed by a trickle, or a
 * fragmented message that never gets its last fragment. The WebSocket layer buffers such a
 * message until it completes and has no timer of its own; the caller terminates the socket,
 * which frees the buffer. Idle sockets (between messages) are left alone: pings judge those.
 *
 * Listens to the socket's own `data` events beside the WebSocket layer's, so attach it after
 * the upgrade (in `handleUpgrade`'s callback), when that layer already listens and nothing has
 * been read yet. Returns a function that stops watching; closing the socket stops it too.
 */
export function watchPartialFrames(socket: Duplex, timeoutMs: number, onStall: () => void): () => void {
  const tracker = new FrameTracker();
  let timer: NodeJS.Timeout | undefined;
  /** The message the running timer is for. */
  let timing = -1;

  const disarm = (): void => {
    clearTimeout(timer);
    timer = undefined;
    timing = -1;
  };
  const stop = (): void => {
    disarm();
    socket.off('data', onData);
    socket.off('close', stop);
  };
  function onData(chunk: Buffer): void {
    tracker.feed(chunk);
    if (!tracker.busy) {
      disarm();
      return;
    }
    // Still the message the timer runs for: progress alone does not buy it more time.
    if (timing === tracker.started) return;
    disarm();
    timing = tracker.started;
    timer = setTimeout(() => {
      stop();
      onStall();
    }, timeoutMs);
    timer.unref();
  }

  socket.on('data', onData);
  socket.once('close', stop);
  return stop;
}
