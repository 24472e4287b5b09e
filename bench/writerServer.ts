/**
 * Which of `servers` the `writer`-th writer (0-based) of a story connects to: the story's
 * writers in consecutive blocks, as even as they divide (10 writers on 2 servers: 5 and 5).
 * Blocks, not round-robin, because writers are dealt to writer processes round-robin: this
 * way each server's writers of a story sit in both processes, so pairs on one server and pairs
 * across servers both include pairs within one process and pairs between the two.
 */
export function writerServer(writer: number, writersPerStory: number, servers: number): number {
  if (!Number.isInteger(writer) || writer < 0 || writer >= writersPerStory) {
    throw new RangeError(`Writer ${writer} is not one of ${writersPerStory}`);
  }
  return Math.floor((writer * servers) / writersPerStory);
}
