import net from 'node:net';
import { SCHEMA_VERSION } from '../../shared/editor/version.ts';

/** A TCP connection that spoke a WebSocket handshake by hand, for frames no client library would send. */
export interface RawHandshake {
  socket: net.Socket;
  /** The HTTP status the server answered (101 when upgraded), or null when it closed without answering. */
  status: Promise<number | null>;
  /** Resolves once the connection is closed, by either side. */
  closed: Promise<void>;
  /** The frames the server sent after a 101, parsed (unmasked, as servers send them). */
  frames(): Array<{ opcode: number; payload: Buffer }>;
  /** The close code of the server's close frame, if it sent one. */
  closeCode(): number | null;
}

/**
 * Connects to the server behind `baseUrl` and sends the upgrade request for `/collab/:id` with
 * `headers`, followed at once by `after`: bytes a peer sends before knowing
 * whether the upgrade succeeded. Never throws on a reset connection.
 */
export function rawHandshake(baseUrl: string, articleId: string, headers: Record<string, string> = {}, after?: Buffer): RawHandshake {
  const { hostname, port } = new URL(baseUrl);
  const socket = net.connect(Number(port), hostname);
  socket.on('error', () => {
    // A refused peer is reset while it writes: the close event reports the end.
  });
  const lines = [
    `GET /collab/${articleId}?schemaVersion=${SCHEMA_VERSION} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  const request = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`);
  socket.write(request);
  // Written separately, not concatenated: a test sending megabytes on many sockets shares one buffer.
  if (after) socket.write(after);

  let received = Buffer.alloc(0);
  let resolveStatus!: (status: number | null) => void;
  const status = new Promise<number | null>((resolve) => (resolveStatus = resolve));
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    const match = /^HTTP\/1\.1 (\d{3})/.exec(received.subarray(0, 20).toString('latin1'));
    if (match) resolveStatus(Number(match[1]));
  });
  const closed = new Promise<void>((resolve) =>
    socket.on('close', () => {
      resolveStatus(null);
      resolve();
    }),
  );
  const frames = () => {
    const end = received.indexOf('\r\n\r\n');
    return end < 0 ? [] : serverFrames(received.subarray(end + 4));
  };
  return {
    socket,
    status,
    closed,
    frames,
    closeCode: () => {
      const close = frames().find((frame) => frame.opcode === 0x8);
      return close && close.payload.byteLength >= 2 ? close.payload.readUInt16BE(0) : null;
    },
  };
}

/** The complete unmasked frames at the start of `bytes`. */
function serverFrames(bytes: Buffer): Array<{ opcode: number; payload: Buffer }> {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let at = 0;
  while (at + 2 <= bytes.byteLength) {
    const opcode = bytes[at]! & 0x0f;
    let length = bytes[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (start + 2 > bytes.byteLength) break;
      length = bytes.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > bytes.byteLength) break;
      length = Number(bytes.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > bytes.byteLength) break;
    frames.push({ opcode, payload: bytes.subarray(start, start + length) });
    at = start + length;
  }
  return frames;
}

/** The header of a masked binary client frame announcing `length` payload bytes (64-bit length form). */
export function frameHeader(length: number, options: { fin?: boolean } = {}): Buffer {
  const header = Buffer.alloc(14);
  header[0] = (options.fin === false ? 0 : 0x80) | 0x2;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  header.writeUInt32BE(0x01020304, 10);
  return header;
}
