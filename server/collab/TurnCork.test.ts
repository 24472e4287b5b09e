import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TurnCork } from './TurnCork.ts';

describe('TurnCork', () => {
  const closers: Array<() => void> = [];
  afterEach(() => closers.splice(0).forEach((close) => close()));

  /** A real loopback TCP connection: the client end, and everything the server end receives. */
  async function connected(): Promise<{ socket: net.Socket; received: () => string }> {
    let got = '';
    const server = net.createServer((peer) => peer.on('data', (chunk) => (got += chunk.toString())));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    closers.push(() => {
      socket.destroy();
      server.close();
    });
    return { socket, received: () => got };
  }

  it('holds a socket’s writes of one turn and lets them out together, in order, at its end', async () => {
    const { socket, received } = await connected();
    const cork = new TurnCork();
    const writes: number[] = [];
    const writev = socket._writev?.bind(socket);
    const write = socket._write.bind(socket);
    socket._writev = (chunks, callback) => {
      writes.push(chunks.length);
      writev!(chunks, callback);
    };
    socket._write = (chunk, encoding, callback) => {
      writes.push(1);
      write(chunk, encoding, callback);
    };
    for (const frame of ['one ', 'two ', 'three']) {
      cork.hold(socket);
      socket.write(frame);
    }
    expect(socket.writableCorked).toBe(1);
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(socket.writableCorked).toBe(0);
    expect(writes).toEqual([3]);
    await expect.poll(received).toBe('one two three');
  });

  it('holds each socket once per turn and every socket of the turn is let go', async () => {
    const a = await connected();
    const b = await connected();
    const cork = new TurnCork();
    cork.hold(a.socket);
    cork.hold(a.socket);
    cork.hold(b.socket);
    a.socket.write('a');
    b.socket.write('b');
    expect([a.socket.writableCorked, b.socket.writableCorked]).toEqual([1, 1]);
    await new Promise((resolve) => setImmediate(resolve));
    expect([a.socket.writableCorked, b.socket.writableCorked]).toEqual([0, 0]);
    // The next turn corks again.
    cork.hold(a.socket);
    expect(a.socket.writableCorked).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(a.socket.writableCorked).toBe(0);
    await expect.poll(a.received).toBe('a');
    await expect.poll(b.received).toBe('b');
  });

  it('lets held frames go at once when flushed, and still ends the turn for holds made after', async () => {
    const a = await connected();
    const b = await connected();
    const cork = new TurnCork();
    cork.hold(a.socket);
    a.socket.write('a1');
    cork.flush();
    expect(a.socket.writableCorked).toBe(0);
    // Held after the flush, in the same turn: the turn's own flush lets it go.
    cork.hold(b.socket);
    b.socket.write('b1');
    expect(b.socket.writableCorked).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(b.socket.writableCorked).toBe(0);
    await expect.poll(a.received).toBe('a1');
    await expect.poll(b.received).toBe('b1');
  });
});
