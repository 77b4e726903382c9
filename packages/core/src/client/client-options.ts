import {
  RelConfigError,
  systemClock,
  systemRandom,
  toValidationIssues,
  type Clock,
  type Random,
} from '@rel/config';
import { z } from 'zod';
import type { ReconnectBackoffOptions } from './reconnect-backoff.js';
import { globalWebSocket, type WebSocketConstructor } from './web-socket-like.js';

const isFunction = (v: unknown): boolean => typeof v === 'function';

const ReconnectSchema = z.strictObject({
  baseDelayMs: z.number().min(0).default(500),
  maxDelayMs: z.number().min(0).default(30_000),
  multiplier: z.number().min(1).default(2),
  /** Attempts after a connection is lost (or never made) before giving up; unbounded by default. */
  maxAttempts: z.int().min(0).optional(),
});

const OptionsSchema = z.strictObject({
  url: z.url({ protocol: /^wss?$/ }),
  token: z.union([z.string().min(1), z.custom<() => string | Promise<string>>(isFunction)]),
  WebSocket: z.custom<WebSocketConstructor>(isFunction, { message: 'a WebSocket constructor' }).optional(),
  lastSeq: z.int().min(0).optional(),
  threadIds: z.array(z.string().min(1)).optional(),
  reconnect: z.union([z.literal(false), ReconnectSchema]).default(ReconnectSchema.parse({})),
  pingIntervalMs: z.int().min(0).default(25_000),
  validate: z.boolean().default(true),
  clock: z
    .custom<Clock>(
      (v) => typeof v === 'object' && v !== null && isFunction((v as Record<string, unknown>)['now']),
    )
    .optional(),
  random: z.custom<Random>(isFunction).optional(),
});

/**
 * Options of `WebSocketEventClient`. Only `url` and `token` are required. Times in ms.
 *
 * - `url` `ws://` or `wss://` address of the event server.
 * - `token` a string, or a function (sync or async) called before every connection
 *   attempt, so a reconnect can use a fresh token. Sent as the `token` query parameter.
 * - `WebSocket` constructor to use (default: the global one; pass `ws`'s on Node 20).
 * - `lastSeq` resume point from an earlier session (default: start at the server's head).
 * - `threadIds` subscribe to these threads on every connection (default: the whole stream).
 * - `reconnect` `false`, or `{ baseDelayMs = 500, maxDelayMs = 30000, multiplier = 2,
 *   maxAttempts = unbounded }`: full-jitter exponential backoff between attempts.
 * - `pingIntervalMs` application ping interval; two silent intervals count as a dead
 *   connection (25000; 0: off).
 * - `validate` check every frame against its schema (true).
 * - `clock` (systemClock), `random` (Math.random) for the backoff jitter.
 *
 * @example
 * ```ts
 * const options: WebSocketEventClientOptions = { url: 'wss://chat.example/events', token: getToken };
 * ```
 */
export type WebSocketEventClientOptions = z.input<typeof OptionsSchema>;

/** Options after defaults. */
export interface ResolvedClientOptions {
  readonly url: string;
  readonly token: string | (() => string | Promise<string>);
  readonly WebSocket: WebSocketConstructor;
  readonly lastSeq: number | undefined;
  readonly threadIds: readonly string[];
  readonly reconnect: (ReconnectBackoffOptions & { readonly maxAttempts: number }) | false;
  readonly pingIntervalMs: number;
  readonly validate: boolean;
  readonly clock: Clock;
  readonly random: Random;
}

/**
 * Validates the client options and fills in defaults.
 *
 * @throws RelConfigError listing every bad field; also when no `WebSocket` constructor is
 * given and the runtime has no global one (Node 20: pass `WebSocket` from `ws`).
 */
export function resolveClientOptions(input: WebSocketEventClientOptions): ResolvedClientOptions {
  const parsed = OptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw new RelConfigError(
      toValidationIssues(OptionsSchema, input, parsed.error.issues),
      'WebSocketEventClient options',
    );
  }
  const o = parsed.data;
  const WebSocket = o.WebSocket ?? globalWebSocket();
  if (WebSocket === undefined) {
    throw new RelConfigError(
      [
        {
          path: 'WebSocket',
          received: undefined,
          expected: 'a WebSocket constructor (this runtime has no global WebSocket)',
        },
      ],
      'WebSocketEventClient options',
    );
  }
  return {
    url: o.url,
    token: o.token,
    WebSocket,
    lastSeq: o.lastSeq,
    threadIds: o.threadIds ?? [],
    reconnect:
      o.reconnect === false ? false : { ...o.reconnect, maxAttempts: o.reconnect.maxAttempts ?? Infinity },
    pingIntervalMs: o.pingIntervalMs,
    validate: o.validate,
    clock: o.clock ?? systemClock,
    random: o.random ?? systemRandom,
  };
}
