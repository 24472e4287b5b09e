import { describe, expect, it } from 'vitest';
import { SocketsPerAddress } from './SocketsPerAddress.ts';

describe('SocketsPerAddress', () => {
  it('refuses one more socket from an address at the limit, and counts addresses apart', () => {
    const sockets = new SocketsPerAddress(2);
    const a1 = sockets.tryAdd('10.0.0.1');
    const a2 = sockets.tryAdd('10.0.0.1');
    expect(a1 && a2).toBeTruthy();
    expect(sockets.tryAdd('10.0.0.1')).toBeNull();
    expect(sockets.tryAdd('10.0.0.2')).not.toBeNull();
    a1!();
    a1!(); // A second release does not free another place.
    expect(sockets.count('10.0.0.1')).toBe(1);
    expect(sockets.tryAdd('10.0.0.1')).not.toBeNull();
    expect(sockets.tryAdd('10.0.0.1')).toBeNull();
  });

  it('forgets an address once its sockets are gone', () => {
    const sockets = new SocketsPerAddress(1);
    sockets.tryAdd('::1')!();
    expect(sockets.count('::1')).toBe(0);
    expect(() => new SocketsPerAddress(0)).toThrow(RangeError);
  });
});
