import { TrustedProxies } from '../auth/clientAddress.ts';

/** IPs and CIDR ranges, IPv4 or IPv6, an address is looked up in (`::ffff:10.0.0.1` counts as `10.0.0.1`). */
export class AddressList {
  readonly #list: TrustedProxies;
  /** The entries as given. */
  readonly entries: readonly string[];

  /** Throws RangeError for an entry that is neither an IP nor a CIDR range. */
  constructor(entries: readonly string[]) {
    this.#list = new TrustedProxies(entries);
    this.entries = Object.freeze([...entries]);
  }

  has(address: string): boolean {
    return this.#list.has(address);
  }
}
