/** Node arguments that run Copydesk from its TypeScript sources, as `npm start` does. */
export const DEFAULT_COPYDESK_COMMAND = 'node --import tsx server/index.ts';

/**
 * The node arguments of a server command such as `node build/server/index.js` or
 * `node --import tsx server/index.ts` (from `--server` or COPYDESK_BENCH_SERVER): split on
 * whitespace, the leading `node` (or a path to it) dropped, since the bench runs the same
 * Node binary it runs on and adds its own flags first.
 */
export function serverNodeArgs(command: string = DEFAULT_COPYDESK_COMMAND): string[] {
  const words = command.trim().split(/\s+/).filter(Boolean);
  if (words.length > 0 && /(^|\/)node(\.exe)?$/.test(words[0]!)) words.shift();
  if (words.length === 0) throw new RangeError(`The server command names no script: ${JSON.stringify(command)}`);
  return words;
}
