import type { Duplex } from 'node:stream';

/**
 * Holds what is written to each socket until the end of the event-loop turn, then lets each
 * socket's frames go out together: one system call per socket and turn instead of one per frame.
 * A keystroke reaches a colleague as two frames (the update, once committed, and the cursor), and a
 * grouped commit may carry several updates of one story: corked, they leave in one `writev`.
 * Frames are never reordered or held past the loop's check phase, where the flush runs. The commit
 * queue lets them go as soon as it has relayed a commit (`flush`, right after the task whose read
 * brought the keystroke): a keystroke's frames never wait for the other sockets' reads.
 */
export class TurnCork {
  #held = new Set<Duplex>();
  #spare = new Set<Duplex>();
  #scheduled = false;

  /** Corks `socket` until the end of this turn, once per turn. */
  hold(socket: Duplex): void {
    if (this.#held.has(socket)) return;
    socket.cork();
    this.#held.add(socket);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(this.#flushScheduled);
  }

  #flushScheduled = (): void => {
    this.#scheduled = false;
    this.flush();
  };

  /** Lets every held socket's frames go now. */
  flush = (): void => {
    const held = this.#held;
    this.#held = this.#spare;
    this.#spare = held;
    for (const socket of held) socket.uncork();
    held.clear();
  };
}
