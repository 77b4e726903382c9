import {
  EventEmitter,
  type CircuitBreakerConfig,
  type CircuitBreakerConfigInput,
  type Disposable,
  type Event,
} from '@rel/config';
import type { CircuitRejection, CircuitStateChange, CircuitStoreError } from './events.js';
import { resolveConfig, resolveOptions, type CircuitBreakerOptions } from './options.js';
import { StatePersistence } from './persistence.js';
import { CircuitRunner } from './runner.js';
import type { CircuitSnapshot } from './snapshot.js';
import { S_DISABLED, S_HALF_OPEN, S_ISOLATED } from './state.js';
import { rate, type CircuitStatus } from './status.js';

/**
 * The one circuit breaker of @rel. It stops calling a failing dependency, probes it with a
 * bounded number of calls once the open time has passed, and closes again when the probes
 * succeed. Every state has a defined way out (no stuck open, no stuck half-open):
 *
 * ```text
 *            trip (strategy)                open time passed
 *   closed ------------------> open ------------------------> half_open
 *     ^                         ^                               |   |
 *     |                         +----- probe failed / slow -----+   |
 *     |                         +----- probe lease expired -----+   |
 *     +---------------- successThreshold probes succeeded ----------+
 *
 *   any --isolate()--> isolated --last handle disposed--> the underlying state
 *   any --disable()--> disabled --enable()--> closed          any --reset()--> closed
 * ```
 *
 * It is also the retry engine's `AttemptGate` (`tryAcquire` / `release` / `retryAfterMs` /
 * `state`): allocation-free admission checked before every attempt.
 *
 * @example
 * ```ts
 * const breaker = new UnifiedCircuitBreaker('openai', { strategy: 'slow_call', slowCallMs: 20_000 });
 * const answer = await breaker.execute(() => client.chat(prompt)); // throws CircuitOpenError when open
 * const r = await breaker.tryExecute(() => client.chat(prompt));   // never throws
 * ```
 */
export class UnifiedCircuitBreaker extends CircuitRunner {
  private readonly persistence: StatePersistence | undefined;
  private storeEmitter: EventEmitter<CircuitStoreError> | undefined;

  /**
   * @param name - identifies the breaker in errors, events, the registry and the store.
   * @param config - a complete config (e.g. `LLM_CIRCUIT_BREAKER`) or any subset of one,
   *   layered over the defaults and validated.
   * @throws `RelConfigError` for an invalid config, name or option, naming each field.
   */
  constructor(
    name: string,
    config?: CircuitBreakerConfig | CircuitBreakerConfigInput,
    options: CircuitBreakerOptions = {},
  ) {
    const resolved = resolveConfig(config);
    const o = resolveOptions(name, resolved, options);
    super(name, resolved, o);
    this.persistence =
      o.store === undefined
        ? undefined
        : new StatePersistence(
            {
              name,
              snapshot: () => this.toSnapshot(),
              restore: (snapshot) => this.applySnapshot(snapshot),
              failed: (error) => this.storeFailed(error),
            },
            o.store,
          );
  }

  /** Every visible state change. Free when nobody listens. */
  get onStateChange(): Event<CircuitStateChange> {
    return (this.stateEmitter ??= new EventEmitter()).event;
  }

  /** Every refused call. The payload is built only when someone listens. */
  get onReject(): Event<CircuitRejection> {
    return (this.rejectEmitter ??= new EventEmitter()).event;
  }

  /** A failed save to the store (without a listener: a `REL_CIRCUIT_STORE` process warning). */
  get onStoreError(): Event<CircuitStoreError> {
    return (this.storeEmitter ??= new EventEmitter()).event;
  }

  /**
   * Forces the breaker open (state `isolated`) until the returned handle is disposed.
   * Handles are reference-counted: the breaker leaves isolation when the last one is
   * disposed, back to its underlying state (which kept evolving: an elapsed open time has
   * become half-open). Disposing a handle twice is harmless. `reset()` does not end an isolation.
   *
   * @example
   * ```ts
   * const maintenance = breaker.isolate();
   * try { await migrate(); } finally { maintenance.dispose(); }
   * ```
   */
  isolate(): Disposable {
    this.refresh();
    const from = this.vis;
    this.isolations++;
    this.vis = S_ISOLATED;
    if (from !== S_ISOLATED) this.emitChange(from, 'isolated', this.clock.now(), Infinity);
    let disposed = false;
    return {
      dispose: () => {
        if (disposed) return;
        disposed = true;
        this.refresh();
        if (--this.isolations > 0) return;
        this.vis = this.st;
        this.emitChange(S_ISOLATED, 'isolation_ended', this.clock.now());
      },
    };
  }

  /** Switches the breaker off: every call runs and nothing can open it, until `enable()` or `reset()`. */
  disable(): void {
    if (this.st !== S_DISABLED) this.setState(S_DISABLED, 'disabled', this.clock.now());
  }

  /** Switches a disabled breaker back on, closed with an empty window. No-op otherwise. */
  enable(): void {
    if (this.st === S_DISABLED) this.toClosed('enabled', this.clock.now());
  }

  /** Closes the breaker from any state (disabled included), forgetting windows and open-time growth. */
  reset(): void {
    this.toClosed('reset', this.clock.now());
  }

  /** A consistent picture of the breaker now (see {@link CircuitStatus}). */
  status(): CircuitStatus {
    const state = this.state;
    const total = this.totalCalls;
    const probes = this.st === S_HALF_OPEN ? this.probes : undefined;
    return {
      name: this.name,
      state,
      strategy: this.config.strategy,
      retryAfterMs: this.retryAfterMs(),
      totalCalls: total,
      successfulCalls: this.successfulCalls,
      failedCalls: this.failedCalls,
      ignoredCalls: this.ignoredCalls,
      slowCalls: this.slowCalls,
      rejectedCalls: this.rejectedCalls,
      successRate: rate(this.successfulCalls, total),
      failureRate: rate(this.failedCalls, total),
      slowCallRate: rate(this.slowCalls, total),
      rejectionRate: rate(this.rejectedCalls, total + this.rejectedCalls),
      opens: this.opens,
      consecutiveOpenings: this.openings,
      probesInFlight: probes?.inFlight ?? 0,
      probeSuccesses: probes?.successes ?? 0,
      isolations: this.isolations,
    };
  }

  /** The state as JSON-safe data (isolation is not included: it belongs to live handles). */
  toSnapshot(): CircuitSnapshot {
    this.refresh();
    return this.snapshotAt(this.clock.now());
  }

  /**
   * Replaces the state with a snapshot's (validated first; on any problem nothing changes).
   * Probes that were running when it was taken are not restored: a half-open snapshot comes
   * back half-open with every slot free.
   *
   * @throws `RelValidationError` (`REL_SNAPSHOT_INVALID`) naming each bad field, including a
   *   snapshot of another breaker or one taken under a different strategy or window shape.
   */
  restore(snapshot: unknown): void {
    this.applySnapshot(snapshot);
  }

  /**
   * Restores the snapshot the store holds for this breaker, if any (call once after
   * creating it). Resolves to `false` when the store has none.
   * Rejects with `InvalidStateError` without a store, and as {@link UnifiedCircuitBreaker.restore} throws.
   */
  async load(): Promise<boolean> {
    return StatePersistence.require(this.persistence, this.name).load();
  }

  /** Saves the current state to the store now; resolves once it is stored. */
  async save(): Promise<void> {
    return StatePersistence.require(this.persistence, this.name).save();
  }

  /** @internal */
  protected stateChanged(): void {
    this.persistence?.schedule();
  }

  private storeFailed(error: unknown): void {
    if (this.storeEmitter !== undefined && this.storeEmitter.size > 0) {
      this.storeEmitter.emit({ name: this.name, error });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.emitWarning(`circuit breaker "${this.name}": saving its state failed: ${message}`, {
      code: 'REL_CIRCUIT_STORE',
    });
  }
}
