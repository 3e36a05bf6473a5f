// Host keys and rejoin tokens: random, URL-safe, stored only as SHA-256 hashes and
// compared in constant time.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecret(): string {
  return randomBytes(18).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: unknown, hash: string): boolean {
  if (typeof secret !== 'string' || secret.length > 200) return false;
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
