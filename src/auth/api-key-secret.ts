import crypto from 'node:crypto';

/** Keys look like `dak_<prefix>_<secret>`; the prefix finds the row, the secret is compared by hash. */
export const API_KEY_PREFIX = 'dak_';

export function generateApiKey(): { prefix: string; secret: string; key: string; secretHash: string } {
  const prefix = crypto.randomBytes(6).toString('hex');
  const secret = crypto.randomBytes(32).toString('base64url');
  return { prefix, secret, key: `${API_KEY_PREFIX}${prefix}_${secret}`, secretHash: hashSecret(secret) };
}

/** A new account's one-time activation code (D§14): 12 characters, easy to read out, only its hash is kept. */
export function generateActivationCode(): string {
  return crypto.randomBytes(9).toString('base64url');
}

export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = /^dak_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(key);
  return match ? { prefix: match[1], secret: match[2] } : null;
}

export function secretMatches(secret: string, secretHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(secretHash, 'hex');
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}
