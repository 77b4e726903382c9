import {
  RelConfigError,
  toValidationIssues,
  type Clock,
  type Random,
  type ReliabilityConfig,
  type ReliabilityConfigInput,
} from '@rel/config';
import type { BudgetStore } from '@rel/retry';
import type { Logger } from 'pino';
import { z } from 'zod';
import { EventDispatcher } from '../events/dispatcher.js';
import type { EventSink } from '../events/sink.js';
import type { MetricsOption } from './metrics-bridge.js';

/**
 * Options of a {@link ReliabilityManager}. Every one has a production default.
 *
 * @example
 * ```ts
 * const manager = new ReliabilityManager({
 *   logger: pino(),                   // a child per service, secrets redacted
 *   sinks: [webSocketServer],         // or an EventDispatcher you share
 *   metrics: new HealthMetrics(),     // or a prom-client Registry
 * });
 * ```
 */
export interface ReliabilityManagerOptions {
  /** Time source of every engine, breaker, tracker and event. @defaultValue `systemClock` */
  readonly clock?: Clock;
  /** Random source (jitter, open-time jitter). @defaultValue `systemRandom` */
  readonly random?: Random;
  /**
   * pino logger; each instance logs through a child bound to `{ service }` that redacts
   * credentials (see `REDACT_PATHS`). @defaultValue `defaultLogger()` (level from `LOG_LEVEL`), created on first use
   */
  readonly logger?: Logger;
  /** More paths to redact in @rel's log lines (pino `redact` syntax). */
  readonly redact?: readonly string[];
  /** Where agent events go: sinks (a dispatcher is created for them), or a dispatcher to share. @defaultValue none */
  readonly sinks?: readonly EventSink[] | EventDispatcher;
  /**
   * Prometheus metrics: a `HealthMetrics` from `@rel/health/prometheus`, or a prom-client
   * `Registry` to create one on. prom-client is an optional peer: without this option
   * `metrics()` says so. @defaultValue none
   */
  readonly metrics?: MetricsOption;
  /** Where retry budgets live (one per dependency key, shared by its instances). @defaultValue a new `InMemoryBudgetStore` */
  readonly budgetStore?: BudgetStore;
  /** The profile of instances created by `get(name)` without one. @defaultValue `DEFAULT_RELIABILITY_CONFIG` */
  readonly defaultProfile?: ReliabilityConfig | ReliabilityConfigInput;
}

const fns = (v: unknown, ...names: string[]): boolean =>
  typeof v === 'object' &&
  v !== null &&
  names.every((n) => typeof (v as Record<string, unknown>)[n] === 'function');

const OptionsSchema = z.strictObject({
  clock: z
    .custom<Clock>(
      (v) => fns(v, 'now', 'setTimeout', 'clearTimeout'),
      'expected a Clock { now, setTimeout, clearTimeout }',
    )
    .optional(),
  random: z
    .custom<Random>((v) => typeof v === 'function', 'expected a function returning numbers in [0, 1)')
    .optional(),
  logger: z
    .custom<Logger>((v) => fns(v, 'child', 'info', 'warn', 'error', 'debug'), 'expected a pino Logger')
    .optional(),
  redact: z.array(z.string().min(1)).optional(),
  sinks: z
    .custom<readonly EventSink[] | EventDispatcher>(
      (v) =>
        v instanceof EventDispatcher ||
        (Array.isArray(v) && v.every((s) => fns(s, 'send') && typeof (s as EventSink).name === 'string')),
      'expected an array of EventSink { name, send(event) } or an EventDispatcher',
    )
    .optional(),
  metrics: z
    .custom<MetricsOption>(
      (v) => fns(v, 'observeCall', 'metrics', 'track') || fns(v, 'registerMetric', 'metrics'),
      'expected a HealthMetrics (from @rel/health/prometheus) or a prom-client Registry',
    )
    .optional(),
  budgetStore: z
    .custom<BudgetStore>((v) => fns(v, 'get'), 'expected a BudgetStore { get(key, settings) }')
    .optional(),
  defaultProfile: z
    .custom<ReliabilityConfig | ReliabilityConfigInput>(
      (v) => typeof v === 'object' && v !== null,
      'expected a reliability profile',
    )
    .optional(),
});

/**
 * Validates manager options; throws one `RelConfigError` naming every bad field.
 * @internal
 */
export function checkManagerOptions(options: unknown): ReliabilityManagerOptions {
  const result = OptionsSchema.safeParse(options ?? {});
  if (result.success) return options ?? {};
  throw new RelConfigError(
    toValidationIssues(OptionsSchema, options, result.error.issues),
    'ReliabilityManager options',
  );
}
