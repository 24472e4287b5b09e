import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { watchPartialFrames } from './watchPartialFrames.ts';

const TIMEOUT_MS = 200;

/** A masked binary frame header announcing `length` bytes, with a 64-bit length. */
function header(length: number): Buffer {
  const out = Buffer.alloc(14);
  out[0] = 0x82;
  out[1] = 0x80 | 127;
  out.writeBigUInt64BE(BigInt(length), 2);
  return out;
}

interface Watched {
  client: net.Socket;
  /** Milliseconds from the start until onStall ran, or null while it has not. */
  stalledAfter(): number | null;
  close(): Promise<void>;
}

const open: Watched[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((w) => w.close()));
});

/** A real TCP pair on port 0; the server side is watched. */
async function watched(): Promise<Watched> {
  let stalledAt: number | null = null;
  const start = Date.now();
  const server = net.createServer((socket) => {
    watchPartialFrames(socket, TIMEOUT_MS, () => {
      stalledAt = Date.now() - start;
      socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const client = net.connect(port, '127.0.0.1');
  client.on('error', () => {});
  await new Promise((resolve) => client.once('connect', resolve));
  const w: Watched = {
    client,
    stalledAfter: () => stalledAt,
    close: () =>
      new Promise<void>((resolve) => {
        client.destroy();
        server.close(() => resolve());
      }),
  };
  open.push(w);
  return w;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchPartialFrames', () => {
  it('calls onStall when a frame stays incomplete past the timeout, though bytes keep trickling in', async () => {
    const w = await watched();
    w.client.write(header(1_000_000));
    for (let i = 0; i < 6; i++) {
      await sleep(TIMEOUT_MS / 3);
      if (!w.client.destroyed) w.client.write(Buffer.alloc(1000));
    }
    expect(w.stalledAfter()).not.toBeNull();
    expect(w.stalledAfter()!).toBeLessThan(TIMEOUT_MS * 2);
  });

  it('leaves alone a socket that sends whole frames and then idles', async () => {
    const w = await watched();
    const full = Buffer.concat([header(10), Buffer.alloc(10)]);
    w.client.write(full.subarray(0, 5));
    await sleep(TIMEOUT_MS / 2);
    w.client.write(full.subarray(5));
    await sleep(TIMEOUT_MS * 2);
    expect(w.stalledAfter()).toBeNull();
    expect(w.client.destroyed).toBe(false);
  });

  it('times a message that starts in the chunk ending the previous one from that chunk', async () => {
    const w = await watched();
    const first = Buffer.concat([header(10), Buffer.alloc(10)]);
    w.client.write(first.subarray(0, 12));
    await sleep(TIMEOUT_MS * 0.75);
    // The first message completes just before its deadline, and a second one begins.
    w.client.write(Buffer.concat([first.subarray(12), header(50)]));
    await sleep(TIMEOUT_MS * 0.5);
    expect(w.stalledAfter()).toBeNull();
    await sleep(TIMEOUT_MS);
    expect(w.stalledAfter()).not.toBeNull();
  });
});
