/** Where the publishing code reads the time; tests pass a clock they move by hand. */
export interface Clock {
  now(): Date;
}

/** How the publishing code waits; tests pass timers driven by their clock. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = { now: () => new Date() };

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending schedule or retry must not keep the process alive on shutdown.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Longest single wait: Node's timers overflow past 2^31-1 ms, so far-off times are reached in steps. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
