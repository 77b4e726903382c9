import {
  OUTCOME_KINDS,
  REL_ERROR_CODES,
  RelValidationError,
  type AttemptRecord,
  type OutcomeKind,
} from '@rel/config';
import { Counter, Histogram, Registry } from 'prom-client';
import { toBreakerState, type BreakerState } from '../score/breaker-state.js';
import type { HealthRegistry } from '../system/health-registry.js';
import type { ReliabilityHealthTracker } from '../tracker/health-tracker.js';
import { registerHealthGauges, type ManualBreakerState } from './health-gauges.js';
import { LabelLimiter } from './label-limiter.js';
import {
  checkMetricsOptions,
  DEFAULT_DURATION_BUCKETS,
  type HealthMetricsOptions,
} from './metrics-options.js';
import { readTrackers } from './tracker-readings.js';

const KIND_INDEX: Readonly<Record<string, number | undefined>> = Object.assign(
  Object.create(null) as Record<string, number | undefined>,
  Object.fromEntries(OUTCOME_KINDS.map((k, i) => [k, i])),
);

/** One call to record in {@link HealthMetrics.observeCall}. */
export interface CallObservation {
  readonly service: string;
  readonly operation?: string;
  /** Final outcome of the call. */
  readonly outcome: OutcomeKind;
  /** Whole call, waits included (ms). */
  readonly durationMs: number;
  /** Every attempt: each counts in `attempts_total`, and all but the first in `retries_total`. */
  readonly attempts?: readonly Pick<AttemptRecord, 'outcome'>[];
}

/** prom-client children of one (service, operation) pair, created on first use. */
interface Series {
  readonly calls: (Counter.Internal | undefined)[];
  readonly attempts: (Counter.Internal | undefined)[];
  readonly durations: (Histogram.Internal<string> | undefined)[];
  retries: Counter.Internal | undefined;
  refusals: Counter.Internal | undefined;
}

/**
 * Prometheus metrics of @rel through prom-client (an optional peer dependency, so this
 * lives behind `@rel/health/prometheus`). Names, labels and units are in the README;
 * with the default prefix `rel_`:
 *
 * - `rel_calls_total{service,operation,outcome}`, `rel_attempts_total{...,outcome}`,
 *   `rel_retries_total{service,operation}`, `rel_budget_refusals_total{service,operation}`
 * - `rel_call_duration_seconds{service,operation,outcome}` (histogram)
 * - `rel_circuit_breaker_state{service,operation,state}`, `rel_health_status{...,status}`
 *   (1 for the current value, 0 for the others), `rel_health_score{service,operation}`
 *
 * Cardinality is bounded: at most `maxServices` service values and `maxOperations`
 * operation values (the rest become `other`), `outcome` from the fixed `OUTCOME_KINDS`.
 * Label children are cached, so a hot-path observation is a few map reads and an `inc()`.
 *
 * @example
 * ```ts
 * const metrics = new HealthMetrics({ health: registry });
 * metrics.observeCall({ service: 'openai', operation: 'chat', outcome: 'success', durationMs: 812, attempts });
 * http.createServer(async (_, res) => res.end(await metrics.metrics()));
 * ```
 */
export class HealthMetrics {
  /** The prom-client registry the metrics live in. */
  readonly registry: Registry;
  private readonly services: LabelLimiter;
  private readonly operations: LabelLimiter;
  private readonly calls: Counter;
  private readonly attempts: Counter;
  private readonly retries: Counter;
  private readonly refusals: Counter;
  private readonly durations: Histogram;
  private readonly series = new Map<string, Map<string, Series>>();
  private readonly breakerStates = new Map<string, ManualBreakerState>();
  private readonly sources: (HealthRegistry | ReliabilityHealthTracker)[] = [];

  constructor(options: HealthMetricsOptions = {}) {
    checkMetricsOptions(options);
    this.registry = options.registry ?? new Registry();
    const p = options.prefix ?? 'rel_';
    this.services = new LabelLimiter(options.maxServices ?? 50);
    this.operations = new LabelLimiter(options.maxOperations ?? 50);
    const registers = [this.registry];
    const pair = ['service', 'operation'] as const;
    const withOutcome = [...pair, 'outcome'] as const;
    this.calls = new Counter({
      name: `${p}calls_total`,
      help: 'Calls by final outcome.',
      labelNames: withOutcome,
      registers,
    });
    this.attempts = new Counter({
      name: `${p}attempts_total`,
      help: 'Attempts (operation invocations) by outcome.',
      labelNames: withOutcome,
      registers,
    });
    this.retries = new Counter({
      name: `${p}retries_total`,
      help: 'Attempts after the first.',
      labelNames: pair,
      registers,
    });
    this.refusals = new Counter({
      name: `${p}budget_refusals_total`,
      help: 'Retries refused by the retry budget.',
      labelNames: pair,
      registers,
    });
    this.durations = new Histogram({
      name: `${p}call_duration_seconds`,
      help: 'Call duration in seconds, waits between attempts included.',
      labelNames: withOutcome,
      buckets: [...(options.durationBuckets ?? DEFAULT_DURATION_BUCKETS)],
      registers,
    });
    registerHealthGauges({
      prefix: p,
      registers,
      read: () => readTrackers(this.sources, this.services, this.operations),
      breakers: this.breakerStates,
    });
    if (options.health) this.track(options.health);
  }

  /** Reads score, status and breaker state of these trackers at every scrape. */
  track(source: HealthRegistry | ReliabilityHealthTracker): void {
    if (!this.sources.includes(source)) this.sources.push(source);
  }

  /** Counts one call: `calls_total`, the duration histogram and, when given, its attempts and retries. */
  observeCall(call: CallObservation): void {
    const series = this.seriesFor(call.service, call.operation);
    const k = kindIndex(call.outcome, 'outcome');
    const ms = call.durationMs;
    if (!(ms >= 0) || ms === Infinity) throwInvalid('durationMs', ms, 'a finite number of milliseconds >= 0');
    (series.calls[k] ??= this.calls.labels(...this.labels(call), call.outcome)).inc();
    (series.durations[k] ??= this.durations.labels(...this.labels(call), call.outcome)).observe(ms / 1000);
    const attempts = call.attempts;
    if (attempts === undefined) return;
    for (let i = 0; i < attempts.length; i++) this.countAttempt(series, call, attempts[i]!.outcome);
    if (attempts.length > 1)
      (series.retries ??= this.retries.labels(...this.labels(call))).inc(attempts.length - 1);
  }

  /** Counts one attempt (when calls are not observed with their attempt list). */
  observeAttempt(attempt: {
    service: string;
    operation?: string;
    outcome: OutcomeKind;
    retry?: boolean;
  }): void {
    const series = this.seriesFor(attempt.service, attempt.operation);
    this.countAttempt(series, attempt, attempt.outcome);
    if (attempt.retry === true) (series.retries ??= this.retries.labels(...this.labels(attempt))).inc();
  }

  /** Counts one retry refused by the retry budget. */
  observeBudgetRefusal(service: string, operation?: string): void {
    const labels = { service, ...(operation === undefined ? {} : { operation }) };
    const series = this.seriesFor(service, operation);
    (series.refusals ??= this.refusals.labels(...this.labels(labels))).inc();
  }

  /** Sets a breaker state (for breakers no tracked health tracker reports). */
  setBreakerState(service: string, operation: string | undefined, state: BreakerState): void {
    const checked = toBreakerState(state, 'state');
    const [s, o] = this.labels({ service, ...(operation === undefined ? {} : { operation }) });
    this.breakerStates.set(`${s}\u0000${o}`, { service: s, operation: o, state: checked });
  }

  /** The text exposition of every metric in the registry. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  /** The `Content-Type` of {@link HealthMetrics.metrics}. */
  get contentType(): string {
    return this.registry.contentType;
  }

  private countAttempt(
    series: Series,
    labels: { service: string; operation?: string },
    outcome: OutcomeKind,
  ): void {
    const k = kindIndex(outcome, 'attempts[].outcome');
    (series.attempts[k] ??= this.attempts.labels(...this.labels(labels), outcome)).inc();
  }

  /** Bounded (service, operation) label values; a missing operation is `""`. */
  private labels(l: { service: string; operation?: string }): [string, string] {
    return [
      this.services.admit(l.service),
      l.operation === undefined ? '' : this.operations.admit(l.operation),
    ];
  }

  private seriesFor(service: string, operation: string | undefined): Series {
    const [s, o] = this.labels({ service, ...(operation === undefined ? {} : { operation }) });
    let byOp = this.series.get(s);
    if (!byOp) {
      byOp = new Map<string, Series>();
      this.series.set(s, byOp);
    }
    let series = byOp.get(o);
    if (!series) {
      series = { calls: [], attempts: [], durations: [], retries: undefined, refusals: undefined };
      byOp.set(o, series);
    }
    return series;
  }
}

function kindIndex(kind: OutcomeKind, path: string): number {
  const k = KIND_INDEX[kind];
  if (k === undefined) throwInvalid(path, kind, `one of ${OUTCOME_KINDS.map((x) => `"${x}"`).join(' | ')}`);
  return k;
}

function throwInvalid(path: string, received: unknown, expected: string): never {
  throw new RelValidationError(REL_ERROR_CODES.INVALID_EVENT, 'metrics observation', [
    { path, received, expected },
  ]);
}
