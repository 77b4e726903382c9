import type { ExecutionError, FailureKind, OutcomeKind } from '@rel/config';
import type { AttemptState } from './attempt.js';
import type { CallSettings, HandlerCore } from './core.js';
import type { InFlightNode } from './in-flight.js';
import { giveUp, type Ending } from './give-up.js';
import { Trail, type MutableRecord } from './trail.js';
import type { RetryResult } from './types.js';

type Settler = (result: unknown) => void;

/**
 * The call-level half of an execution: its state, waits, cancellation and the two ways
 * it ends (a value, or a typed error carrying every attempt). The attempt-level half is
 * {@link Execution}. @internal
 */
export abstract class Call<T> implements InFlightNode {
  protected readonly core: HandlerCore;
  protected readonly call: CallSettings;
  protected readonly start: number;
  protected readonly deadline: number;
  /** true: `execute` (reject with the error); false: `executeWithRetry` (resolve with a result). */
  protected readonly throwing: boolean;
  private readonly resolve: Settler;
  private readonly reject: Settler;
  protected attempts = 0;
  protected current: AttemptState | undefined;
  protected finished = false;
  /** Failure-path state, created on first need. */
  protected trail: Trail | undefined = undefined;
  // The call is the in-flight node of its current attempt's time limit (one at a time).
  timeoutAt = Infinity;
  prev: InFlightNode | null = null;
  next: InFlightNode | null = null;
  linked = false;
  /** The attempt the time limit is for. */
  protected limited: AttemptState | undefined = undefined;
  /** That attempt's limit passed (its signal was aborted). */
  protected timedOut = false;
  /** The limit is the overall deadline rather than the attempt timeout. */
  protected cut = false;

  constructor(
    core: HandlerCore,
    call: CallSettings,
    throwing: boolean,
    resolve: Settler,
    reject: Settler,
    start: number = core.clock.now(),
  ) {
    this.core = core;
    this.call = call;
    this.throwing = throwing;
    this.resolve = resolve;
    this.reject = reject;
    this.start = start;
    this.deadline = call.totalTimeoutMs === undefined ? Infinity : this.start + call.totalTimeoutMs;
  }

  /** Starts (or, after a wait, continues with) the next attempt. */
  protected abstract startAttempt(now: number): void;

  /** The current attempt passed its limit (called by the in-flight list). */
  protected abstract expired(a: AttemptState): void;

  expire(): void {
    const a = this.limited;
    if (a === undefined || a.done || this.finished) return;
    this.timedOut = true;
    try {
      this.expired(a);
    } catch (error) {
      this.crash(error);
    }
  }

  /** Puts the attempt's time limit in the handler's in-flight list. */
  protected limit(a: AttemptState, timeoutAt: number, cut: boolean, now: number): void {
    this.limited = a;
    this.timedOut = false;
    this.cut = cut;
    this.timeoutAt = timeoutAt;
    this.core.inflight.insert(this, now);
  }

  /** The caller's signal fired (this object is the abort listener: no closure per call). */
  handleEvent(): void {
    try {
      this.cancel();
    } catch (error) {
      this.crash(error);
    }
  }

  protected sleep(delay: number, now: number): void {
    if (delay <= 0) return this.startAttempt(now);
    const trail = this.failing();
    trail.wakeAt = now + delay;
    // Whole milliseconds, rounded up: a timer never fires before a Retry-After hint.
    trail.sleepTimer = this.core.clock.setTimeout(() => {
      try {
        this.wake();
      } catch (error) {
        this.crash(error);
      }
    }, Math.ceil(delay));
  }

  private wake(): void {
    const trail = this.failing();
    trail.sleepTimer = undefined;
    if (this.finished) return;
    const now = this.core.clock.now();
    // A real timer may fire a fraction of a millisecond early against a monotonic clock.
    if (now < trail.wakeAt) return this.sleep(trail.wakeAt - now, now);
    this.startAttempt(now);
  }

  protected cancel(): void {
    if (this.finished) return;
    const reason: unknown = this.call.signal?.reason;
    const a = this.current;
    let where =
      this.attempts === 0
        ? 'before the first attempt'
        : `during the wait before attempt ${this.attempts + 1}`;
    if (a !== undefined && !a.done) {
      a.done = true;
      a.abort(reason);
      if (this.linked) this.core.inflight.remove(this);
      const duration = this.core.clock.now() - a.startedAt;
      this.core.gate?.release(a.token, 'cancelled', duration); // never a dependency failure
      this.record(a, 'cancelled', duration);
      where = `during attempt ${a.attempt}`;
    }
    this.failing().lastError = reason;
    this.failing().hasError = true;
    this.end('cancelled', (e) => giveUp.cancelled(e, where));
  }

  /** The failure-path state, created on first use. */
  protected failing(): Trail {
    return (this.trail ??= new Trail());
  }

  protected record(a: AttemptState, outcome: OutcomeKind, durationMs: number): MutableRecord {
    const record: MutableRecord = { attempt: a.attempt, startedAt: a.startedAt, durationMs, outcome };
    this.failing().records.push(record);
    return record;
  }

  /** An event payload with the service and operation names. */
  protected info<E extends object>(payload: E): E & { service: string; operation?: string } {
    const operation = this.call.operation;
    return operation === undefined
      ? { service: this.core.service, ...payload }
      : { service: this.core.service, operation, ...payload };
  }

  protected succeed(value: T, a: AttemptState, now: number, duration: number): void {
    this.finish();
    const core = this.core;
    const totalTimeMs = now - this.start;
    if (core.success.size > 0)
      core.success.emit(this.info({ attempts: a.attempt, durationMs: duration, totalTimeMs }));
    if (this.throwing) return this.resolve(value);
    this.record(a, 'success', duration);
    this.resolve({
      success: true,
      value,
      outcome: 'success',
      attempts: this.failing().records,
      totalTimeMs,
    } satisfies RetryResult<T>);
  }

  /** Success that nobody times: no clock read, no record, no event. */
  protected succeedQuietly(value: T): void {
    this.finish();
    this.resolve(value);
  }

  protected end(outcome: FailureKind, make: (ending: Ending) => ExecutionError): void {
    this.finish();
    const core = this.core;
    core.inflight.disarmIfEmpty(); // a failed or cancelled call leaves no timer behind
    const totalTimeMs = core.clock.now() - this.start;
    const trail = this.failing();
    const attempts = trail.records;
    const error = make({
      service: core.service,
      attempts,
      totalTimeMs,
      cause: trail.lastError,
      hasCause: trail.hasError,
      stackless: !this.throwing,
    });
    if (core.giveUp.size > 0) core.giveUp.emit(this.info({ outcome, error, attempts, totalTimeMs }));
    if (this.throwing) return this.reject(error);
    this.resolve({ success: false, error, outcome, attempts, totalTimeMs } satisfies RetryResult<T>);
  }

  private finish(): void {
    this.finished = true;
    const trail = this.trail;
    if (trail?.sleepTimer !== undefined) {
      this.core.clock.clearTimeout(trail.sleepTimer);
      trail.sleepTimer = undefined;
    }
    this.call.signal?.removeEventListener('abort', this);
  }

  /**
   * A step threw (a custom backoff returned garbage, a gate broke its never-throw
   * contract): end the call with that error instead of leaving it hanging.
   */
  protected crash(error: unknown): void {
    if (this.finished) return;
    const a = this.current;
    if (a !== undefined) {
      a.done = true;
      if (this.linked) this.core.inflight.remove(this);
    }
    const trail = this.failing();
    trail.lastError = error;
    trail.hasError = true;
    if (!this.throwing)
      return this.end('permanent', (e) => giveUp.nonRetryable(e, 'permanent', 'internal failure'));
    this.finish();
    this.core.inflight.disarmIfEmpty();
    this.reject(error);
  }
}
