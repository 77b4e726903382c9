import { CircuitOpenError, type CircuitBreakerConfig, type OutcomeKind } from '@rel/config';
import type { OutcomeClassifier } from './classify.js';
import { CircuitGate } from './gate.js';
import type { ResolvedOptions } from './options.js';
import type { CircuitRejected, CircuitResult } from './result.js';
import { STATE_NAMES } from './state.js';

/**
 * Running a function through the admission gate: `execute()` (throws) and `tryExecute()`
 * (never throws), both built on `tryAcquire()` / `release()`.
 * @internal
 */
export abstract class CircuitRunner extends CircuitGate {
  private readonly classify: OutcomeClassifier;
  private readonly timing: boolean;

  protected constructor(name: string, config: CircuitBreakerConfig, options: ResolvedOptions) {
    super(name, config, options);
    this.classify = options.classify;
    this.timing = options.measureDurations;
  }

  /**
   * Runs `fn` if the breaker admits it, and records how it went (a thrown value is read
   * by the classifier; see `failureKinds`).
   *
   * @throws `CircuitOpenError` (with `retryAfterMs`) when refused; whatever `fn` throws otherwise.
   * @example
   * ```ts
   * const rows = await breaker.execute(() => pool.query(sql));
   * ```
   */
  async execute<T>(fn: () => T | PromiseLike<T>): Promise<T> {
    const token = this.tryAcquire();
    if (token < 0) throw this.openError();
    // Durations cost two clock reads; they are taken only when something uses them.
    const start = this.timing ? this.clock.now() : 0;
    let value: T;
    try {
      value = await fn();
    } catch (error) {
      this.fail(token, error, start);
      throw error;
    }
    this.release(token, 'success', this.timing ? this.clock.now() - start : 0);
    return value;
  }

  /**
   * Like `execute()`, but never rejects: a refusal resolves to a plain
   * {@link CircuitRejected} object (no Error, no stack trace), a failure to
   * `{ ok: false, rejected: false, error, kind }`.
   *
   * @example
   * ```ts
   * const r = await breaker.tryExecute(() => fetchQuote());
   * if (!r.ok && r.rejected) return busy(r.retryAfterMs);
   * ```
   */
  tryExecute<T>(fn: () => T | PromiseLike<T>): Promise<CircuitResult<T>> {
    const token = this.tryAcquire();
    if (token < 0) return Promise.resolve(this.rejection());
    return this.runAdmitted(fn, token);
  }

  /**
   * The refusal `tryExecute()` resolves to, for callers of `tryAcquire()` that want the
   * same shape: the current state and `retryAfterMs()`.
   */
  rejection(): CircuitRejected {
    const retryAfterMs = this.retryAfterMs(); // applies due transitions: read the state after it
    return { ok: false, rejected: true, state: STATE_NAMES[this.vis]!, retryAfterMs };
  }

  /** The error `execute()` throws on refusal, for callers of `tryAcquire()` that throw. */
  openError(): CircuitOpenError {
    const retryAfterMs = this.retryAfterMs();
    const state = STATE_NAMES[this.vis]!;
    const when = Number.isFinite(retryAfterMs) ? `retry in ${Math.ceil(retryAfterMs)} ms` : 'until released';
    return new CircuitOpenError(`circuit breaker "${this.name}" is ${state}; ${when}`, {
      circuit: this.name,
      service: this.name,
      state,
      retryAfterMs,
    });
  }

  private async runAdmitted<T>(fn: () => T | PromiseLike<T>, token: number): Promise<CircuitResult<T>> {
    const start = this.timing ? this.clock.now() : 0;
    let value: T;
    try {
      value = await fn();
    } catch (error) {
      return { ok: false, rejected: false, error, kind: this.fail(token, error, start) };
    }
    this.release(token, 'success', this.timing ? this.clock.now() - start : 0);
    return { ok: true, value };
  }

  /** Classifies and reports a failure; the token is released even if the classifier throws. */
  private fail(token: number, error: unknown, start: number): OutcomeKind {
    let kind: OutcomeKind = 'transient';
    try {
      kind = this.classify(error);
    } finally {
      this.release(token, kind, this.timing ? this.clock.now() - start : 0);
    }
    return kind;
  }
}
