import { createHmac, timingSafeEqual } from 'node:crypto';
import { RelConfigError, systemClock, type Clock } from '@rel/config';
import { z } from 'zod';
import type { TokenClaims, TokenVerifier } from './token-verifier.js';

/** An HMAC key: at least {@link MIN_SECRET_BYTES} bytes of secret material. */
export type HmacSecret = string | Uint8Array;

/** Shortest accepted key: the SHA-256 output size, as RFC 2104 §3 recommends. */
export const MIN_SECRET_BYTES = 32;

const PREFIX = 'v1.';
const SIGNATURE_BYTES = 32;

// `sub` user, `exp` expiry (epoch ms), `thr` allowed threads. Short keys keep URLs short.
const PayloadSchema = z.strictObject({
  sub: z.string().min(1),
  exp: z.number().finite(),
  thr: z.array(z.string().min(1)).optional(),
});

function checkSecret(secret: unknown, path: string): Buffer {
  const bytes =
    typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret instanceof Uint8Array ? secret : null;
  if (bytes === null || bytes.length < MIN_SECRET_BYTES) {
    throw new RelConfigError(
      [
        {
          path,
          received: bytes === null ? secret : `${bytes.length} bytes`,
          expected: `a string or Uint8Array of at least ${MIN_SECRET_BYTES} bytes`,
        },
      ],
      'HMAC token options',
    );
  }
  return Buffer.from(bytes);
}

function sign(key: Buffer, body: string): Buffer {
  return createHmac('sha256', key).update(body).digest();
}

/** Options of {@link signToken}. */
export interface SignTokenOptions {
  /** HMAC-SHA256 key (at least 32 bytes). */
  readonly secret: HmacSecret;
  readonly userId: string;
  /** Expiry, epoch ms (the verifier's clock decides when it has passed). */
  readonly expiresAt: number;
  /** Optional allow-list of threads the holder may subscribe to. */
  readonly threadIds?: readonly string[];
}

/**
 * Issues a signed, expiring token for {@link hmacTokenVerifier}:
 * `v1.<base64url(JSON {sub, exp, thr?})>.<base64url(HMAC-SHA256(secret, "v1.<payload>"))>`.
 * Tokens travel in URLs (browsers), so keep them short-lived.
 *
 * @example
 * ```ts
 * const token = signToken({ secret, userId: 'u-1', expiresAt: Date.now() + 15 * 60_000 });
 * new WebSocket(`wss://chat.example/events?token=${token}`);
 * ```
 * @see RFC 2104 (HMAC)
 */
export function signToken(options: SignTokenOptions): string {
  const key = checkSecret(options.secret, 'secret');
  const payload = PayloadSchema.safeParse({
    sub: options.userId,
    exp: options.expiresAt,
    ...(options.threadIds === undefined ? {} : { thr: [...options.threadIds] }),
  });
  if (!payload.success) {
    const issue = payload.error.issues[0]!;
    const field = ({ sub: 'userId', exp: 'expiresAt', thr: 'threadIds' } as Record<string, string>)[
      String(issue.path[0])
    ];
    throw new RelConfigError(
      [{ path: field ?? 'options', received: issue.input, expected: issue.message }],
      'HMAC token options',
    );
  }
  const body = PREFIX + Buffer.from(JSON.stringify(payload.data)).toString('base64url');
  return `${body}.${sign(key, body).toString('base64url')}`;
}

/** Options of {@link hmacTokenVerifier}. */
export interface HmacTokenVerifierOptions {
  /**
   * Key, or keys during a rotation: a token signed with any of them is accepted (sign new
   * tokens with the newest, drop the old key once its tokens have expired).
   */
  readonly secret: HmacSecret | readonly HmacSecret[];
  /** Source of "now" for expiry. @defaultValue `systemClock` */
  readonly clock?: Clock;
}

/**
 * A {@link TokenVerifier} for tokens from {@link signToken}: checks the format, the
 * HMAC-SHA256 signature in constant time (`crypto.timingSafeEqual`), and the expiry.
 * Any failure returns `null` (the upgrade is refused with 401), never a reason, so a
 * caller cannot probe which part was wrong.
 *
 * @example
 * ```ts
 * const server = new WebSocketEventServer({ port: 8080, verify: hmacTokenVerifier({ secret }) });
 * ```
 */
export function hmacTokenVerifier(options: HmacTokenVerifierOptions): TokenVerifier {
  const secrets = Array.isArray(options.secret) ? options.secret : [options.secret];
  if (secrets.length === 0) {
    throw new RelConfigError(
      [{ path: 'secret', received: [], expected: 'at least one key' }],
      'HMAC token options',
    );
  }
  const keys = secrets.map((secret, i) =>
    checkSecret(secret, secrets.length > 1 ? `secret[${i}]` : 'secret'),
  );
  const clock = options.clock ?? systemClock;
  return {
    verify(token: string): TokenClaims | null {
      if (!token.startsWith(PREFIX)) return null;
      const dot = token.lastIndexOf('.');
      if (dot <= PREFIX.length) return null;
      const body = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1), 'base64url');
      if (given.length !== SIGNATURE_BYTES) return null;
      let valid = false;
      // Check every key, so the time taken does not tell which key (if any) matched.
      for (const key of keys) valid = timingSafeEqual(sign(key, body), given) || valid;
      if (!valid) return null;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(body.slice(PREFIX.length), 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      const payload = PayloadSchema.safeParse(json);
      if (!payload.success || clock.now() >= payload.data.exp) return null;
      const { sub, exp, thr } = payload.data;
      return thr === undefined
        ? { userId: sub, expiresAt: exp }
        : { userId: sub, expiresAt: exp, threadIds: thr };
    },
  };
}
