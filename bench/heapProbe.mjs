/**
 * Preloaded into a benchmarked server process (`node --expose-gc --import bench/heapProbe.mjs …`):
 * answers `{ type: 'heap' }` on the IPC channel with the heap in use after a full collection, so
 * the bench can ask any server (Copydesk, compiled or not, and the reference) the same question
 * without touching the server's own code.
 */
import v8 from 'node:v8';

if (typeof process.send === 'function') {
  // The channel must not keep a server alive that is otherwise done.
  process.channel?.unref();
  process.on('message', (message) => {
    if (!message || message.type !== 'heap') return;
    const gc = globalThis.gc;
    if (typeof gc === 'function') {
      // Twice: the first pass may leave objects freed by finalizers for the second.
      gc();
      gc();
    }
    const code = v8.getHeapCodeStatistics();
    process.send({
      type: 'heap',
      gc: typeof gc === 'function',
      heapUsed: process.memoryUsage().heapUsed,
      // What of it is compiled code and its metadata (machine code, bytecode, deoptimization data):
      // it grows with how hot the server's functions ran, not with what the server holds.
      codeBytes: code.code_and_metadata_size + code.bytecode_and_metadata_size,
    });
  });
}
