/**
 * WebSocket close codes the event server uses, and what a client should do on each.
 * Codes 1000-1015 are RFC 6455 / IANA; 4000-4999 are private to this protocol.
 *
 * | code | when | client |
 * | --- | --- | --- |
 * | 1001 | the server shuts down (`close()`) | reconnect with backoff and `resume` |
 * | 1009 | an inbound frame was larger than `maxPayloadBytes` | fix the client; reconnect |
 * | 1013 | the client fell too far behind (slow consumer) | reconnect and `resume` from its last seq |
 * | 4401 | the token expired while connected | reconnect with a fresh token |
 * | 1006 | (not sent) the heartbeat terminated a silent peer | reconnect with backoff |
 */
export const WS_CLOSE_CODES = {
  /** Server shutdown. */
  GOING_AWAY: 1001,
  /** An inbound frame exceeded `maxPayloadBytes` (ws closes with this code itself). */
  MESSAGE_TOO_BIG: 1009,
  /** Slow consumer: too far behind to catch up; resume from the last seq. */
  TRY_AGAIN_LATER: 1013,
  /** The token's `expiresAt` passed while connected. */
  TOKEN_EXPIRED: 4401,
} as const;

/** One of {@link WS_CLOSE_CODES}. */
export type WsCloseCode = (typeof WS_CLOSE_CODES)[keyof typeof WS_CLOSE_CODES];

/**
 * Close codes after which reconnecting cannot help (the same request would be refused
 * again): protocol error, unsupported data and policy violation.
 */
export const PERMANENT_CLOSE_CODES: ReadonlySet<number> = new Set([1002, 1003, 1008]);
