/** Why the relay could not start: `id` is `relay_bad_url` or `relay_unreachable`. */
export class RelayStartError extends Error {
  override name = 'RelayStartError';
  constructor(
    readonly id: 'relay_bad_url' | 'relay_unreachable',
    message: string,
  ) {
    super(message);
  }
}
