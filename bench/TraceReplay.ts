import { textAfter, type Patch, type SequentialTrace } from './traces.ts';

/**
 * Replays a trace from a given transaction as a writer's keystrokes.
 * `initialText` is the text the writer pastes before typing (the document as it stood at `start`);
 * `next()` returns the patches of the next transaction. At the end of the trace the writer
 * clears the text and starts over, so a replay never runs dry.
 */
export class TraceReplay {
  readonly initialText: string;
  private index: number;
  private length: number;

  constructor(
    private readonly trace: SequentialTrace,
    start: number,
  ) {
    if (trace.txns.length === 0) throw new RangeError(`Trace ${trace.name} has no transactions`);
    this.index = Math.max(0, Math.min(start, trace.txns.length - 1));
    this.initialText = textAfter(trace, this.index);
    this.length = this.initialText.length;
  }

  /** Position of the next transaction in the trace. */
  get position(): number {
    return this.index;
  }

  /** Length of the writer's text once every patch returned so far is applied. */
  get textLength(): number {
    return this.length;
  }

  /** The next keystroke (or paste, or multi-cursor edit), as patches to apply in order. */
  next(): Patch[] {
    if (this.index >= this.trace.txns.length) {
      const cleared = this.length;
      this.index = 0;
      this.length = 0;
      if (cleared > 0) return [[0, cleared, '']];
    }
    const patches = this.trace.txns[this.index++]!;
    for (const [, del, ins] of patches) this.length += ins.length - del;
    return patches;
  }
}
