import type { Server as HttpServer } from 'node:http';
import {
  RelConfigError,
  systemClock,
  toValidationIssues,
  type Clock,
  type ValidationIssue,
} from '@rel/config';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { TokenVerifier } from './auth/token-verifier.js';

const KiB = 1024;
const MiB = 1024 * KiB;

const positiveInt = z.int().min(1);
/** Default bound of every user's replay buffer together (raised to `maxBytes` when that is larger). */
const DEFAULT_MAX_TOTAL_BYTES = 256 * MiB;
const isFunctionOf = (value: unknown, key: string): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)[key] === 'function';

const ReplaySchema = z.strictObject({
  maxEvents: z.int().min(2).max(1_000_000).default(2_000),
  maxAgeMs: positiveInt.default(5 * 60_000),
  maxBytes: positiveInt.default(16 * MiB),
  maxTotalBytes: positiveInt.optional(),
});

const BackpressureSchema = z.strictObject({
  highWaterBytes: positiveInt.default(512 * KiB),
  maxLagEvents: positiveInt.optional(),
  maxLagBytes: positiveInt.optional(),
  maxLagMs: positiveInt.optional(),
  coalesce: z.boolean().default(true),
});

const OptionsSchema = z.strictObject({
  server: z
    .custom<HttpServer>((v) => isFunctionOf(v, 'on') && isFunctionOf(v, 'listen'), {
      message: 'an http.Server or https.Server',
    })
    .optional(),
  port: z.int().min(0).max(65_535).optional(),
  host: z.string().min(1).default('127.0.0.1'),
  path: z.string().startsWith('/').optional(),
  verify: z.custom<TokenVerifier>((v) => isFunctionOf(v, 'verify'), {
    message: 'a TokenVerifier: an object with verify(token, request)',
  }),
  allowedOrigins: z
    .array(z.url({ error: 'an origin such as "https://chat.example.com"' }))
    .min(1)
    .optional(),
  requireOrigin: z.boolean().default(false),
  // `.default(parsed)`, not `.prefault`, so that unknown-key errors can list the allowed keys.
  replay: ReplaySchema.default(ReplaySchema.parse({})),
  backpressure: BackpressureSchema.default(BackpressureSchema.parse({})),
  heartbeatMs: z.int().min(0).default(30_000),
  maxPayloadBytes: z
    .int()
    .min(256)
    .max(16 * MiB)
    .default(64 * KiB),
  closeTimeoutMs: positiveInt.default(5_000),
  validateEvents: z.boolean().default(false),
  clock: z.custom<Clock>((v) => isFunctionOf(v, 'now') && isFunctionOf(v, 'setTimeout')).optional(),
  logger: z.custom<Logger>((v) => isFunctionOf(v, 'warn') && isFunctionOf(v, 'child')).optional(),
  metrics: z
    .strictObject({
      registry: z.custom<Registry>((v) => isFunctionOf(v, 'registerMetric'), {
        message: 'a prom-client Registry',
      }),
      prefix: z
        .string()
        .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/)
        .default('rel_ws_'),
    })
    .optional(),
});

/**
 * Options of `WebSocketEventServer`. Only `verify` is required. Sizes in bytes, times in ms.
 *
 * - `server` an `http.Server` / `https.Server` to share (its `upgrade` event), or `port`
 *   (and `host`, default `'127.0.0.1'`) to listen on its own; neither: call `handleUpgrade()`.
 * - `path` accept upgrades only on this path (default: any).
 * - `verify` the {@link TokenVerifier} run at every upgrade.
 * - `allowedOrigins` browser origins allowed to connect (default: any); `requireOrigin`
 *   also refuses requests without an `Origin` header (default `false`).
 * - `replay` per-user buffer: `maxEvents` (2000), `maxAgeMs` (300000), `maxBytes` (16 MiB);
 *   and `maxTotalBytes` (256 MiB, or `maxBytes` if larger), the bound of every user's buffer together: past it the
 *   largest buffers lose their oldest events first (their lagging readers resync).
 * - `backpressure`: `highWaterBytes` (512 KiB) per connection; a connection further behind
 *   than `maxLagEvents` / `maxLagBytes` / `maxLagMs` (default: half the replay bound each,
 *   and always below it) is closed with 1013; `coalesce` (true) lets a congested connection
 *   skip superseded thinking/progress events.
 * - `heartbeatMs` ping interval; a peer silent for two is terminated (30000; 0: off).
 * - `maxPayloadBytes` largest inbound frame (64 KiB); bigger closes with 1009.
 * - `closeTimeoutMs` bound of `close()`'s drain and of every close handshake (5000).
 * - `validateEvents` check every event against `AgentEventSchema` too (false: the
 *   dispatcher validates; the server always checks the fields it routes by).
 * - `clock` (systemClock), `logger` (pino, level from `LOG_LEVEL`), `metrics`
 *   (`{ registry, prefix = 'rel_ws_' }` to register in prom-client).
 *
 * @example
 * ```ts
 * const options: WebSocketEventServerOptions = { port: 8080, verify, replay: { maxEvents: 500 } };
 * ```
 */
export type WebSocketEventServerOptions = z.input<typeof OptionsSchema>;

/** Options after defaults and cross-field checks. */
export interface ResolvedServerOptions extends Omit<
  z.output<typeof OptionsSchema>,
  'backpressure' | 'clock' | 'replay'
> {
  readonly clock: Clock;
  readonly replay: {
    readonly maxEvents: number;
    readonly maxAgeMs: number;
    readonly maxBytes: number;
    readonly maxTotalBytes: number;
  };
  readonly backpressure: {
    readonly highWaterBytes: number;
    readonly maxLagEvents: number;
    readonly maxLagBytes: number;
    readonly maxLagMs: number;
    readonly coalesce: boolean;
  };
}

/**
 * Validates the server options and fills in defaults. A slow client is closed when its lag
 * passes `maxLag*`, and it must then be able to resume, so each lag bound defaults to half
 * the matching replay bound and must stay below it.
 *
 * @throws RelConfigError listing every bad field, its value and what is allowed.
 */
export function resolveServerOptions(input: WebSocketEventServerOptions): ResolvedServerOptions {
  const parsed = OptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw new RelConfigError(
      toValidationIssues(OptionsSchema, input, parsed.error.issues),
      'WebSocketEventServer options',
    );
  }
  const o = parsed.data;
  const issues: ValidationIssue[] = [];
  if (o.server !== undefined && o.port !== undefined) {
    issues.push({ path: 'port', received: o.port, expected: 'not both `server` and `port`' });
  }
  const lag = {
    highWaterBytes: o.backpressure.highWaterBytes,
    maxLagEvents: o.backpressure.maxLagEvents ?? Math.max(1, Math.floor(o.replay.maxEvents / 2)),
    maxLagBytes: o.backpressure.maxLagBytes ?? Math.max(1, Math.floor(o.replay.maxBytes / 2)),
    maxLagMs: o.backpressure.maxLagMs ?? Math.max(1, Math.floor(o.replay.maxAgeMs / 2)),
    coalesce: o.backpressure.coalesce,
  };
  const below = (field: keyof typeof lag, value: number, limit: number, limitName: string): void => {
    if (value >= limit) {
      issues.push({
        path: `backpressure.${field}`,
        received: value,
        expected: `a number < replay.${limitName} (${limit}), so a client closed for lagging can still resume`,
      });
    }
  };
  below('maxLagEvents', lag.maxLagEvents, o.replay.maxEvents, 'maxEvents');
  below('maxLagBytes', lag.maxLagBytes, o.replay.maxBytes, 'maxBytes');
  below('maxLagMs', lag.maxLagMs, o.replay.maxAgeMs, 'maxAgeMs');
  const maxTotalBytes = o.replay.maxTotalBytes ?? Math.max(DEFAULT_MAX_TOTAL_BYTES, o.replay.maxBytes);
  if (maxTotalBytes < o.replay.maxBytes) {
    issues.push({
      path: 'replay.maxTotalBytes',
      received: maxTotalBytes,
      expected: `a number >= replay.maxBytes (${o.replay.maxBytes}): the bound of all users' buffers together`,
    });
  }
  if (issues.length > 0) throw new RelConfigError(issues, 'WebSocketEventServer options');
  return {
    ...o,
    clock: o.clock ?? systemClock,
    backpressure: lag,
    replay: { ...o.replay, maxTotalBytes },
  };
}
