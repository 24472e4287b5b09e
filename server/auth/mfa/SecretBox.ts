import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A stored secret the server cannot read: sealed under another MFA_KEY, or with none set. */
export class SecretUnreadableError extends Error {
  override name = 'SecretUnreadableError';
}

const SEALED = 'aes256gcm';
const PLAIN = 'plain';

/**
 * Seals TOTP secrets for storage with AES-256-GCM under MFA_KEY, bound to their account (the
 * account id is authenticated data, so a sealed secret copied onto another account does not
 * open). Without a key, secrets are kept as they are, marked `plain:`; they still open once a key
 * is set, and new ones are then sealed.
 */
export class SecretBox {
  readonly #key: Buffer | null;

  constructor(key: Uint8Array | null) {
    if (key !== null && key.length !== 32) throw new RangeError('An MFA key is 32 bytes.');
    this.#key = key === null ? null : Buffer.from(key);
  }

  /** Whether secrets are sealed (a key is set). */
  get seals(): boolean {
    return this.#key !== null;
  }

  seal(secret: string, userId: number): string {
    if (this.#key === null) return `${PLAIN}:${secret}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(aad(userId));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [SEALED, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':');
  }

  /** The secret in `stored`; throws SecretUnreadableError when it cannot be opened. */
  open(stored: string, userId: number): string {
    if (stored.startsWith(`${PLAIN}:`)) return stored.slice(PLAIN.length + 1);
    const [kind, iv, tag, sealed, ...rest] = stored.split(':');
    if (kind !== SEALED || !iv || !tag || !sealed || rest.length > 0) throw new SecretUnreadableError('The stored secret is not in a known form.');
    if (this.#key === null) throw new SecretUnreadableError('The secret was sealed with MFA_KEY, which is not set.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(aad(userId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretUnreadableError('The secret does not open with this MFA_KEY (another key, or another account’s secret).');
    }
  }
}

function aad(userId: number): Buffer {
  return Buffer.from(`copydesk-totp:user:${userId}`, 'utf8');
}
