import type { IncomingMessage } from 'node:http';

/**
 * What a {@link TokenVerifier} learned about the caller. The server trusts these and
 * nothing the client says later: routing is by `userId`, always.
 */
export interface TokenClaims {
  /** The user whose events this connection may receive. */
  readonly userId: string;
  /**
   * Threads the connection may subscribe to. When present, `subscribe` accepts only
   * these; when absent, ownership is learned from the events themselves (see the README).
   */
  readonly threadIds?: readonly string[];
  /**
   * When the credential stops being valid (epoch ms, same time base as the server's
   * clock). The server closes the connection with 4401 once it passes.
   */
  readonly expiresAt?: number;
}

/**
 * Decides who is connecting, at the HTTP upgrade and before any WebSocket exists.
 * Return `null` to refuse (the client gets HTTP 401); throwing counts as a verifier
 * failure (HTTP 500, logged), never as a crash.
 *
 * @example
 * ```ts
 * const verify: TokenVerifier = {
 *   async verify(token) {
 *     const session = await sessions.lookup(token);
 *     return session ? { userId: session.userId, expiresAt: session.expiresAt } : null;
 *   },
 * };
 * ```
 * @see {@link hmacTokenVerifier} for the built-in signed-token verifier.
 */
export interface TokenVerifier {
  verify(token: string, request: IncomingMessage): TokenClaims | null | Promise<TokenClaims | null>;
}

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

/**
 * The token of an upgrade request: `Authorization: Bearer <token>` when present (servers
 * and native clients), else the `token` query parameter (browsers cannot set headers on
 * a WebSocket). Returns `undefined` when there is none.
 *
 * @example
 * ```ts
 * extractToken(req); // "v1.eyJzdWIi..." from "wss://host/events?token=v1.eyJzdWIi..."
 * ```
 */
export function extractToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = BEARER.exec(header);
    // A malformed Authorization header is a client bug; do not fall back to the query.
    return match?.[1];
  }
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  if (query < 0) return undefined;
  const token = new URLSearchParams(url.slice(query + 1)).get('token');
  return token === null || token === '' ? undefined : token;
}
