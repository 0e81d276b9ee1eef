import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Identity } from '../core/protocol/index.js';

/**
 * Signs a user id for the widget's `identity` option; run it on the host's backend, never in
 * the browser, because whoever holds the secret can claim any user.
 *
 * @example
 * const expires = Math.floor(Date.now() / 1000) + 3600;
 * const identity = { userId: 'u_42', expires, signature: signIdentity(secret, 'u_42', expires) };
 */
export function signIdentity(secret: string, userId: string, expires: number): string {
  return createHmac('sha256', secret).update(`${userId}.${expires}`).digest('hex');
}

export type IdentityCheck = { ok: true } | { ok: false; code: 'identity_invalid' | 'identity_expired' };

/**
 * Checks a host-signed identity. The signature is checked before the expiry so that a forged
 * token learns nothing about expiry handling; without a secret every claim is refused.
 */
export function verifyIdentity(
  secret: string | null,
  identity: Pick<Identity, 'userId' | 'expires' | 'signature'>,
  now: Date,
): IdentityCheck {
  if (secret === null || secret === '') return { ok: false, code: 'identity_invalid' };
  const expected = Buffer.from(signIdentity(secret, identity.userId, identity.expires), 'hex');
  const given = Buffer.from(identity.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, code: 'identity_invalid' };
  }
  if (identity.expires * 1000 <= now.getTime()) return { ok: false, code: 'identity_expired' };
  return { ok: true };
}
