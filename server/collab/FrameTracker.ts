const FIN = 0x80;
const MASK = 0x80;
const CONTROL = 0x08;
/** A frame header is at most 2 bytes, 8 of extended length and 4 of mask key. */
const MAX_HEADER = 14;

/**
 * Follows the frame boundaries of one side of a WebSocket byte stream (RFC 6455 §5.2) without
 * keeping any payload: it only knows whether the bytes seen so far end inside a message.
 * It holds at most one frame header (14 bytes), whatever the peer announces; judging the
 * frames (lengths, opcodes, masking) stays with the WebSocket implementation beside it.
 */
export class FrameTracker {
  readonly #header = new Uint8Array(MAX_HEADER);
  #headerBytes = 0;
  #payloadLeft = 0;
  /** A data frame without FIN was seen: continuation frames follow until one has FIN. */
  #fragmented = false;
  #messages = 0;

  /** Whether the bytes fed so far stop inside a frame or inside a fragmented message. */
  get busy(): boolean {
    return this.#headerBytes > 0 || this.#payloadLeft > 0 || this.#fragmented;
  }

  /** How many messages (or lone control frames) have begun so far: a new one bumps it. */
  get started(): number {
    return this.#messages;
  }

  /** Reads the next bytes of the stream. */
  feed(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.byteLength) {
      if (this.#payloadLeft > 0) {
        const skipped = Math.min(this.#payloadLeft, chunk.byteLength - at);
        this.#payloadLeft -= skipped;
        at += skipped;
        continue;
      }
      if (this.#headerBytes === 0 && !this.#fragmented) this.#messages += 1;
      this.#header[this.#headerBytes++] = chunk[at++]!;
      const needed = this.#headerLength();
      if (needed === null || this.#headerBytes < needed) continue;
      this.#endHeader();
    }
  }

  /** The full header length once its first two bytes are in, else null. */
  #headerLength(): number | null {
    if (this.#headerBytes < 2) return null;
    const lengthByte = this.#header[1]!;
    const extended = (lengthByte & 0x7f) === 126 ? 2 : (lengthByte & 0x7f) === 127 ? 8 : 0;
    return 2 + extended + (lengthByte & MASK ? 4 : 0);
  }

  #endHeader(): void {
    const h = this.#header;
    const opcode = h[0]! & 0x0f;
    const short = h[1]! & 0x7f;
    let payload: number;
    if (short === 126) payload = (h[2]! << 8) | h[3]!;
    else if (short === 127) {
      // Beyond 2^53 the count is inexact; the WebSocket layer refuses such a frame anyway.
      payload = 0;
      for (let i = 2; i < 10; i++) payload = payload * 256 + h[i]!;
    } else payload = short;
    this.#headerBytes = 0;
    this.#payloadLeft = payload;
    // Control frames may come between the fragments of a message and neither start nor end it.
    if ((opcode & CONTROL) === 0) this.#fragmented = (h[0]! & FIN) === 0;
  }
}
