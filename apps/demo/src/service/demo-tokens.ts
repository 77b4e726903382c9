import { randomBytes } from 'node:crypto';
import { RelConfigError } from '@rel/config';
import { hmacTokenVerifier, signToken, type TokenVerifier } from '@rel/core';
import type { TokenGrant } from './http-routes.js';

/**
 * The demo's WebSocket tokens: @rel/core's HMAC tokens (`signToken` / `hmacTokenVerifier`)
 * with a random key made at startup, short-lived, for the demo users only. Demo only: a
 * real service signs a token for the user of an authenticated session, never for whoever
 * asks.
 *
 * @example
 * ```ts
 * const tokens = new DemoTokens(['alice', 'bob'], 300_000);
 * new WebSocketEventServer({ server, verify: tokens.verifier });
 * tokens.issue('alice').token;
 * ```
 */
export class DemoTokens {
  readonly users: readonly string[];
  /** Checks the tokens `issue` signs (for the WebSocket server's `verify`). */
  readonly verifier: TokenVerifier;
  private readonly secret = randomBytes(32);
  private readonly ttlMs: number;

  /** @param ttlMs - lifetime of a token (ms). */
  constructor(users: readonly string[], ttlMs: number) {
    this.users = users;
    this.ttlMs = ttlMs;
    this.verifier = hmacTokenVerifier({ secret: this.secret });
  }

  /**
   * Signs a token for a demo user, valid for `ttlMs`.
   * @throws `RelConfigError` naming the demo users when `userId` is not one of them.
   */
  issue(userId: unknown): TokenGrant {
    if (typeof userId !== 'string' || !this.users.includes(userId)) {
      throw new RelConfigError(
        [{ path: 'user', received: userId, expected: `one of the demo users: ${this.users.join(', ')}` }],
        'token request',
      );
    }
    const expiresAt = Date.now() + this.ttlMs;
    return { token: signToken({ secret: this.secret, userId, expiresAt }), userId, expiresAt };
  }
}
