import { UnifiedCircuitBreaker, type CircuitStatus } from '@rel/circuit';
import { RelConfigError, type Random, type ReliabilityConfig } from '@rel/config';
import type { HealthRegistry, HealthSnapshot, ReliabilityHealthTracker } from '@rel/health';
import { UnifiedRetryHandler, type BudgetStore, type Operation, type RetryBudgetSnapshot } from '@rel/retry';
import type { Logger } from 'pino';
import type { MetricsBridge } from '../manager/metrics-bridge.js';
import { Bulkhead, type BulkheadStatus } from './bulkhead.js';
import { checkCallOptions, type CallOptions } from './call-options.js';
import type { ClockCell } from './clock-cell.js';
import { FallbackPolicy } from './fallback.js';
import { HealthRecorder } from './health-recorder.js';
import { wireInstance } from './instance-wiring.js';
import { runCall, type Pipeline } from './pipeline.js';
import { RecordingGate } from './recording-gate.js';
import { refusals } from './refusals.js';
import type { ReliabilityResult } from './reliability-result.js';
import { RunLinks } from './run-links.js';

/** What a manager hands each instance it creates. @internal */
export interface InstanceDeps {
  readonly clock: ClockCell;
  readonly random: Random;
  /** The instance's own logger (a child bound to `{ service }`). */
  readonly logger: Logger;
  readonly budgetStore: BudgetStore;
  readonly health: HealthRegistry;
  readonly metrics: MetricsBridge | undefined;
}

/** Everything an instance knows about itself, now. */
export interface InstanceStatus {
  readonly name: string;
  readonly health: HealthSnapshot;
  /** The breaker's status, when the profile has one. */
  readonly circuit?: CircuitStatus;
  /** The retry budget's level, when the profile has one. */
  readonly budget?: RetryBudgetSnapshot;
  /** The bulkhead's counters, when the profile has one. */
  readonly bulkhead?: BulkheadStatus;
  /** Calls a fallback answered, by the failure kind, and fallbacks that threw. */
  readonly fallbacks: { readonly used: Readonly<Record<string, number>>; readonly failed: number };
}

/**
 * One named dependency under the canonical pipeline of a profile: overall deadline ->
 * bulkhead -> retry loop with budget -> breaker admission before each attempt -> attempt
 * timeout -> operation -> classify -> record (breaker, health, metrics, events) ->
 * fallback. Get one from `ReliabilityManager.get(name, profile)`.
 *
 * The retry loop is `@rel/retry`'s `UnifiedRetryHandler` (one per instance; its budget is
 * shared per dependency through the manager's budget store); the breaker is
 * `@rel/circuit`'s `UnifiedCircuitBreaker`, consulted through a gate that also records
 * every attempt in the instance's health tracker.
 *
 * @example
 * ```ts
 * const openai = manager.get('openai', LLM_RELIABILITY_PROFILE);
 * const reply = await openai.execute(({ signal }) => client.chat(req, { signal }), { operation: 'chat' });
 * const r = await openai.run(() => client.chat(req), { fallback: CANNED_REPLY }); // never throws
 * ```
 */
export class ReliabilityInstance {
  /** Instance (service) name. */
  readonly name: string;
  /** The complete, frozen profile. */
  readonly config: ReliabilityConfig;
  /** The retry engine. */
  readonly retry: UnifiedRetryHandler;
  /** The circuit breaker, when the profile has one. */
  readonly breaker: UnifiedCircuitBreaker | undefined;
  /** The health tracker (also in the manager's health registry). */
  readonly health: ReliabilityHealthTracker;
  private readonly pipeline: Pipeline;
  private readonly fallback: FallbackPolicy;
  /** No bulkhead, profile fallback or metrics: a call without options goes straight to the engine. */
  private readonly direct: boolean;

  /** @internal Created by `ReliabilityManager.get()`. */
  constructor(name: string, config: ReliabilityConfig, deps: InstanceDeps) {
    this.name = name;
    this.config = config;
    const clock = deps.clock;
    this.breaker =
      config.circuitBreaker === false
        ? undefined
        : new UnifiedCircuitBreaker(name, config.circuitBreaker, { clock, random: deps.random });
    // The breaker state reaches health through the setter, on every transition (see
    // `wireInstance`), not as a source read on every record: that read costs ~35 ns per
    // call. Reads through the manager apply due transitions first (`syncBreaker`).
    this.health = deps.health.tracker(name, { config: config.health });
    if (this.breaker !== undefined) this.health.setBreakerState(this.breaker.state);
    const budget =
      config.retry.budget === false
        ? undefined
        : deps.budgetStore.get(config.retry.budget.key ?? name, {
            ratio: config.retry.budget.ratio,
            minRetriesPerSecond: config.retry.budget.minRetriesPerSecond,
            ttlMs: config.retry.budget.ttlMs,
          });
    const recorder = new HealthRecorder(this.health, clock, budget, deps.logger);
    const gate = new RecordingGate(name, this.breaker, recorder);
    this.retry = new UnifiedRetryHandler(name, config.retry, {
      clock,
      random: deps.random,
      gate,
      ...(budget === undefined ? {} : { budget }),
    });
    this.fallback = new FallbackPolicy(config.fallback);
    const links = new RunLinks(name, deps.logger);
    const bulkhead = config.bulkhead === false ? undefined : new Bulkhead(config.bulkhead, clock);
    this.pipeline = {
      name,
      config,
      clock,
      retry: this.retry,
      bulkhead,
      recorder,
      links,
      fallback: this.fallback,
      logger: deps.logger,
      metrics: deps.metrics,
      events: config.events.enabled,
    };
    wireInstance(this.pipeline, this.breaker);
    this.direct = bulkhead === undefined && !this.fallback.hasProfileFallback && deps.metrics === undefined;
  }

  /**
   * Runs `op` through the pipeline; resolves to its value (or a fallback's) or rejects
   * with a typed error (`RetryExhaustedError`, `NonRetryableError`,
   * `DeadlineExceededError`, `CancelledError`, `CircuitOpenError`, `BudgetExhaustedError`,
   * `BulkheadRejectedError`) carrying every attempt, `cause` = the last failure.
   * Invalid options reject with `RelConfigError`.
   *
   * @example
   * ```ts
   * const rows = await db.execute(() => pool.query(sql), { operation: 'orders.list', timeoutMs: 5_000 });
   * ```
   */
  execute<T>(op: Operation<T>, opts?: CallOptions<T>): Promise<T> {
    if (opts === undefined) {
      // The hot path: nothing per call to add, so the engine runs the call on its own.
      if (this.direct) return this.retry.execute(op);
    } else {
      const problem = checkCallOptions(opts);
      if (problem !== undefined) return Promise.reject(problem);
      if (this.direct && opts.fallback === undefined && (opts.run === undefined || !this.pipeline.events)) {
        const { operation, signal, timeoutMs } = opts;
        return this.retry.execute(op, {
          ...(operation === undefined ? {} : { operation }),
          ...(signal === undefined ? {} : { signal }),
          ...(timeoutMs === undefined ? {} : { totalTimeoutMs: timeoutMs }),
        });
      }
    }
    if (typeof op !== 'function') return Promise.reject(notAFunction(op));
    return runCall(this.pipeline, op, opts, false).then(unwrap);
  }

  /**
   * Runs `op` through the pipeline and never rejects: resolves to `{ success, value |
   * error, outcome, attempts, totalTimeMs, fallbackUsed }`. Errors on this path carry no
   * stack trace (their `cause`, the operation's own failure, keeps its own); an open
   * circuit is answered without building one.
   *
   * @example
   * ```ts
   * const r = await search.run(() => index.query(q), { fallback: [] });
   * if (r.outcome === 'fallback_used') showStaleResultsBanner();
   * ```
   */
  run<T>(op: Operation<T>, opts?: CallOptions<T>): Promise<ReliabilityResult<T>> {
    if (typeof op !== 'function')
      return Promise.resolve({
        ...refusals.invalidOptions(this.name, notAFunction(op)),
        fallbackUsed: false,
      });
    if (opts !== undefined) {
      const problem = checkCallOptions(opts);
      if (problem !== undefined)
        return Promise.resolve({ ...refusals.invalidOptions(this.name, problem), fallbackUsed: false });
    }
    return runCall(this.pipeline, op, opts, true);
  }

  /**
   * Applies the breaker transitions that fell due by the clock alone (an open time that
   * ended while no call came), so health sees the breaker's state as of now. The manager
   * calls it before every health read; call it before reading `health` directly.
   */
  syncBreaker(): void {
    if (this.breaker !== undefined) void this.breaker.state;
  }

  /** Health, breaker, budget, bulkhead and fallback counters, now. */
  status(): InstanceStatus {
    this.syncBreaker();
    const budget = this.retry.budget;
    const bulkhead = this.pipeline.bulkhead;
    return {
      name: this.name,
      health: this.health.snapshot(),
      ...(this.breaker === undefined ? {} : { circuit: this.breaker.status() }),
      ...(budget === undefined ? {} : { budget: budget.snapshot(this.pipeline.clock.now()) }),
      ...(bulkhead === undefined ? {} : { bulkhead: bulkhead.status() }),
      fallbacks: { used: Object.fromEntries(this.fallback.used), failed: this.fallback.failures },
    };
  }

  /** Readings for the manager's Prometheus metrics. @internal */
  readings(): {
    service: string;
    fallbacks: ReadonlyMap<string, number>;
    fallbackFailures: number;
    bulkhead?: BulkheadStatus;
  } {
    const bulkhead = this.pipeline.bulkhead;
    return {
      service: this.name,
      fallbacks: this.fallback.used,
      fallbackFailures: this.fallback.failures,
      ...(bulkhead === undefined ? {} : { bulkhead: bulkhead.status() }),
    };
  }
}

const notAFunction = (op: unknown): RelConfigError =>
  new RelConfigError(
    [{ path: 'operation', received: op, expected: 'a function (context) => value | Promise' }],
    'call arguments',
  );

function unwrap<T>(r: ReliabilityResult<T>): T {
  if (r.success) return r.value;
  throw r.error;
}
