import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** One edit of a sequential trace: `[position, deleteCount, insertedText]`, like `Array.splice`. */
export type Patch = readonly [position: number, deleteCount: number, inserted: string];

/** A real editing session: the edits a person made, one transaction per keystroke or paste. */
export interface SequentialTrace {
  name: string;
  endContent: string;
  txns: readonly Patch[][];
}

/**
 * Folder of the recorded editing traces: the handbook's `traces/` beside the repository
 * (`<repo>/../shared/traces`, josephg/editing-traces, CC BY 4.0), or `COPYDESK_TRACE_DIR`.
 */
export const TRACE_DIR = process.env.COPYDESK_TRACE_DIR ?? fileURLToPath(new URL('../../shared/traces', import.meta.url));

/** Parses the gzip JSON of a sequential trace (format: README-sequential.md beside the traces). */
export function parseSequentialTrace(name: string, gz: Buffer): SequentialTrace {
  const raw = JSON.parse(gunzipSync(gz).toString('utf8')) as {
    startContent?: string;
    endContent?: unknown;
    txns?: unknown;
  };
  if (typeof raw.endContent !== 'string' || !Array.isArray(raw.txns)) {
    throw new RangeError(`Trace ${name} is not a sequential trace (endContent and txns expected)`);
  }
  if (raw.startContent) {
    throw new RangeError(`Trace ${name} starts from non-empty content; only empty starts are supported`);
  }
  const txns = raw.txns.map((txn: { patches?: unknown }, i: number) => {
    if (!Array.isArray(txn.patches)) throw new RangeError(`Trace ${name}: txn ${i} has no patches`);
    return txn.patches.map((p: unknown) => {
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || typeof p[2] !== 'string') {
        throw new RangeError(`Trace ${name}: txn ${i} holds a malformed patch ${JSON.stringify(p)}`);
      }
      return [p[0], p[1], p[2]] as Patch;
    });
  });
  return { name, endContent: raw.endContent, txns };
}

/** Loads `<name>.json.gz` from the traces folder. */
export function loadSequentialTrace(name: string, dir: string = TRACE_DIR): SequentialTrace {
  const file = `${dir}/${name}.json.gz`;
  if (!existsSync(file)) {
    throw new Error(
      `Editing trace ${file} not found: the benchmarks read the handbook's traces/ folder beside the repository (../shared/traces); set COPYDESK_TRACE_DIR to another folder holding ${name}.json.gz`,
    );
  }
  return parseSequentialTrace(name, readFileSync(file));
}

/**
 * Applies one patch to a string. Trace positions count code points; the traces we ship hold
 * nothing beyond U+FFFF, so UTF-16 indices (what JS strings and Y.Text use) are the same.
 */
export function applyPatch(content: string, [pos, del, ins]: Patch): string {
  if (pos < 0 || pos + del > content.length) {
    throw new RangeError(`Patch [${pos}, ${del}] falls outside content of length ${content.length}`);
  }
  return content.slice(0, pos) + ins + content.slice(pos + del);
}

/** The document text after the first `count` transactions of the trace. */
export function textAfter(trace: SequentialTrace, count: number): string {
  let content = '';
  const end = Math.min(count, trace.txns.length);
  for (let i = 0; i < end; i++) {
    for (const patch of trace.txns[i]!) content = applyPatch(content, patch);
  }
  return content;
}
