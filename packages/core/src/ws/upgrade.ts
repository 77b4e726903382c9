import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { extractToken, type TokenClaims, type TokenVerifier } from './auth/token-verifier.js';
import type { AuthRefusalReason } from './stats.js';

/** The outcome of {@link authenticateUpgrade}. */
export type UpgradeDecision =
  | { readonly ok: true; readonly claims: TokenClaims }
  | { readonly ok: false; readonly status: 401 | 403 | 500; readonly reason: AuthRefusalReason };

/** What {@link authenticateUpgrade} checks against. */
export interface UpgradePolicy {
  readonly verify: TokenVerifier;
  /** Normalised origins (`URL#origin`), or undefined to accept any. */
  readonly allowedOrigins: ReadonlySet<string> | undefined;
  readonly requireOrigin: boolean;
}

/** `URL#origin` of an allowed-origin entry or an `Origin` header (`null` when it is not a URL). */
export function normaliseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

/** The policy for the server's options: origins normalised once, up front. */
export function createUpgradePolicy(options: {
  readonly verify: TokenVerifier;
  readonly allowedOrigins?: readonly string[] | undefined;
  readonly requireOrigin: boolean;
}): UpgradePolicy {
  const origins = options.allowedOrigins;
  return {
    verify: options.verify,
    allowedOrigins: origins === undefined ? undefined : new Set(origins.map((o) => normaliseOrigin(o) ?? o)),
    requireOrigin: options.requireOrigin,
  };
}

const MESSAGES: Record<AuthRefusalReason, string> = {
  missing_token: 'unauthorized: send a token (Authorization: Bearer, or ?token=)',
  invalid_token: 'unauthorized: the token is invalid or expired',
  forbidden_origin: 'forbidden: origin not allowed',
  verifier_error: 'authentication failed',
  not_found: 'no WebSocket endpoint at this path',
  shutting_down: 'the server is shutting down',
};

const isClaims = (value: unknown): value is TokenClaims =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as TokenClaims).userId === 'string' &&
  (value as TokenClaims).userId !== '';

/**
 * Decides an upgrade before any WebSocket exists: the Origin (when `allowedOrigins` is
 * set; requests without one, i.e. non-browser clients, pass unless `requireOrigin`), then
 * the token through the verifier. Wrong origin: 403; no or bad token: 401; a verifier
 * that throws or returns something that is not claims: 500 (a server bug, not the
 * client's fault, so it is not reported as a bad token).
 */
export async function authenticateUpgrade(
  request: IncomingMessage,
  policy: UpgradePolicy,
): Promise<UpgradeDecision> {
  if (policy.allowedOrigins !== undefined) {
    const header = request.headers.origin;
    const allowed =
      header === undefined
        ? !policy.requireOrigin
        : policy.allowedOrigins.has(normaliseOrigin(header) ?? '\u0000');
    if (!allowed) return { ok: false, status: 403, reason: 'forbidden_origin' };
  }
  const token = extractToken(request);
  if (token === undefined) return { ok: false, status: 401, reason: 'missing_token' };
  let claims: unknown;
  try {
    claims = await policy.verify.verify(token, request);
  } catch {
    return { ok: false, status: 500, reason: 'verifier_error' };
  }
  if (claims === null) return { ok: false, status: 401, reason: 'invalid_token' };
  if (!isClaims(claims)) return { ok: false, status: 500, reason: 'verifier_error' };
  return { ok: true, claims };
}

/**
 * Answers an upgrade request with a plain HTTP error and closes the socket: the client
 * sees the status (a browser sees a failed connection) and no WebSocket is created.
 */
export function refuseUpgrade(socket: Duplex, status: number, reason: AuthRefusalReason): void {
  if (socket.destroyed) return;
  const body = `${MESSAGES[reason]}\n`;
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(status === 401 ? ['WWW-Authenticate: Bearer'] : []),
  ];
  // Destroy once the answer is flushed: a peer that never closes its side must not keep it.
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}
