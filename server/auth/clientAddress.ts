import { BlockList, isIP } from 'node:net';

/** Proxies whose `X-Forwarded-For` is believed: IPs or CIDR ranges, IPv4 or IPv6. */
export class TrustedProxies {
  readonly #list = new BlockList();
  readonly #empty: boolean;

  /** Throws RangeError for an entry that is neither an IP nor a CIDR range. */
  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw.trim();
      const [ip = '', prefix] = entry.split('/');
      const address = normalizeAddress(ip);
      const family = isIP(address);
      if (family === 0) throw new RangeError(`Not an IP address or CIDR range: ${JSON.stringify(raw)}`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) {
        this.#list.addAddress(address, type);
        continue;
      }
      const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
      if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) throw new RangeError(`Bad CIDR prefix in ${JSON.stringify(raw)}`);
      this.#list.addSubnet(address, bits, type);
    }
    this.#empty = entries.length === 0;
  }

  /** Whether `address` is one of the trusted proxies. */
  has(address: string): boolean {
    if (this.#empty) return false;
    const normalized = normalizeAddress(address);
    const family = isIP(normalized);
    if (family === 0) return false;
    return this.#list.check(normalized, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** `::ffff:10.0.0.1` (how a dual-stack socket reports IPv4 peers) → `10.0.0.1`; lower-cases IPv6. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/**
 * The address of whoever is really asking, for throttling and logs.
 * The socket's peer is the answer unless that peer is a trusted proxy; then `X-Forwarded-For`
 * is read right to left, skipping further trusted proxies, and the first other address wins.
 * A client can prepend anything to the header, so entries left of an untrusted hop are never used.
 */
export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  const peer = normalizeAddress(remoteAddress ?? '');
  if (!trusted.has(peer) || forwardedFor === undefined) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map(normalizeAddress)
    .filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return peer; // A garbled header from a trusted proxy: fall back to the proxy itself.
    if (!trusted.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}
