import type { OutcomeKind } from '@rel/config';
import type { Classification } from '../classify/types.js';
import type { RetryEvent } from './events.js';
import { Attempt, type AttemptState } from './attempt.js';
import { Call } from './call.js';
import type { CallSettings, HandlerCore } from './core.js';
import { giveUp, limitReason } from './give-up.js';
import { planGateWait, planRetry } from './plan.js';
import type { Operation } from './types.js';

/** Whether `v` is a promise or any thenable. @internal */
export const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  v !== null &&
  (typeof v === 'object' || typeof v === 'function') &&
  typeof (v as { then?: unknown }).then === 'function';

/**
 * One call of `execute` / `executeWithRetry`: a state machine driven by callbacks (the
 * operation's promise, the handler's in-flight timer, the sleep timer, the caller's
 * signal) that settles the call's one promise directly. So there is no wrapping promise
 * per attempt, and an aggressive timeout or a cancellation stops waiting at once.
 * The retry decision is {@link planRetry}; waits and endings are in {@link Call}. @internal
 */
export class Execution<T> extends Call<T> {
  private readonly op: Operation<T>;

  constructor(
    core: HandlerCore,
    op: Operation<T>,
    call: CallSettings,
    throwing: boolean,
    resolve: (result: unknown) => void,
    reject: (error: unknown) => void,
    start?: number,
  ) {
    super(core, call, throwing, resolve, reject, start);
    this.op = op;
  }

  /**
   * Takes over a first attempt that one of the handler's fast paths started (no signal,
   * no per-call options) and that failed or timed out: from here on it is an ordinary call
   * (the attempt's gate token, if any, is reported here).
   */
  adopt(a: AttemptState, error: unknown): void {
    this.attempts = 1;
    this.current = a;
    this.settle(a, false, error);
  }

  /** Starts the first attempt (or ends at once when the signal is already aborted). */
  run(): void {
    try {
      const signal = this.call.signal;
      if (signal !== undefined) {
        if (signal.aborted) return this.cancel();
        signal.addEventListener('abort', this);
      }
      this.startAttempt(this.start);
    } catch (error) {
      this.crash(error);
    }
  }

  /**
   * Continues a call whose first attempt the handler's fast path could not start because
   * the gate refused it (the refusal is already counted): wait for the gate or end.
   */
  refused(now: number): void {
    try {
      this.gateRefused(now);
    } catch (error) {
      this.crash(error);
    }
  }

  settle(a: AttemptState, ok: boolean, value: unknown): void {
    if (a.done) return; // abandoned (timeout, cancel) or settled twice
    a.done = true;
    try {
      this.settled(a, ok, value);
    } catch (error) {
      this.crash(error);
    }
  }

  protected startAttempt(now: number): void {
    const core = this.core;
    const total = this.call.totalTimeoutMs;
    if (now >= this.deadline) {
      const text = `the ${total} ms deadline passed before attempt ${this.attempts + 1}`;
      return this.end('deadline_exceeded', (e) => giveUp.deadline(e, text, total!));
    }
    let token = -1;
    if (core.gate !== undefined) {
      token = core.gate.tryAcquire(); // before EVERY attempt, not once per call
      if (token < 0) return this.gateRefused(now);
    }
    const n = ++this.attempts;
    if (n === 1 && core.budget !== undefined) core.budget.deposit(now);
    const a = new Attempt(n, this.deadline, now, token);
    this.current = a;
    const limit = this.call.attemptTimeoutMs === undefined ? Infinity : now + this.call.attemptTimeoutMs;
    if (limit !== Infinity || this.deadline !== Infinity) {
      const cut = this.deadline < limit;
      this.limit(a, cut ? this.deadline : limit, cut, now);
    }
    let result: unknown;
    try {
      result = this.op(a);
    } catch (error) {
      return this.settle(a, false, error);
    }
    if (isThenable(result)) {
      result.then(
        (value) => this.settle(a, true, value),
        (error: unknown) => this.settle(a, false, error),
      );
    } else this.settle(a, true, result);
  }

  private settled(a: AttemptState, ok: boolean, value: unknown): void {
    const core = this.core;
    if (this.linked) core.inflight.remove(this);
    if (ok && this.throwing && core.gate === undefined && !core.readsResults && core.success.size === 0) {
      // Nobody observes this attempt's duration: skip the clock read (50-120 ns on a VM).
      return this.succeedQuietly(value as T);
    }
    const now = core.clock.now();
    const duration = now - a.startedAt;
    if (ok) {
      const c = core.readsResults ? core.classifier(value, { result: true, now }) : undefined;
      if (c?.retryable !== true) {
        core.gate?.release(a.token, 'success', duration);
        return this.succeed(value as T, a, now, duration);
      }
      return this.failed(a, value, c, now, duration);
    }
    // Our own limit passed: the failure is the timeout, whatever the operation rejected with.
    const error = this.timedOut && this.limited === a ? a.abortReason : value;
    this.failed(a, error, core.classifier(error, { now }), now, duration);
  }

  protected expired(a: AttemptState): void {
    const core = this.core;
    const now = core.clock.now();
    a.abort(limitReason(core, this.call, a.attempt, this.cut));
    // Cooperative: the aborted signal asks the operation to stop; wait for it to settle.
    if (core.config.timeoutMode === 'cooperative') return;
    a.done = true;
    this.failed(a, a.abortReason, core.classifier(a.abortReason, { now }), now, now - a.startedAt);
  }

  private failed(a: AttemptState, error: unknown, c: Classification, now: number, duration: number): void {
    const core = this.core;
    const kind = c.kind;
    core.gate?.release(a.token, kind, duration);
    const trail = this.failing();
    trail.lastError = error;
    trail.hasError = true;
    const record = this.record(a, kind, duration);
    record.error = error;
    if (c.retryAfterMs !== undefined) record.retryAfterMs = c.retryAfterMs;
    if (core.failure.size > 0)
      core.failure.emit(this.info({ attempt: a.attempt, kind, error, durationMs: duration }));
    const plan = planRetry(
      core,
      {
        attempts: this.attempts,
        backoff: trail.backoff,
        deadline: this.deadline,
        totalTimeoutMs: this.call.totalTimeoutMs,
        lastError: error,
      },
      kind,
      c,
      now,
    );
    if (!plan.retry) return this.end(plan.outcome, plan.error);
    trail.backoff = plan.backoff;
    record.delayAfterMs = plan.delayMs;
    if (core.retry.size > 0 || this.call.onRetry !== undefined) {
      const base = { attempt: a.attempt, delayMs: plan.delayMs, kind, error };
      this.retrying(
        this.info(plan.retryAfterMs === undefined ? base : { ...base, retryAfterMs: plan.retryAfterMs }),
      );
    }
    this.sleep(plan.delayMs, now);
  }

  /** Tells the handler's `onRetry` listeners and the call's own `onRetry` (isolated: it is the caller's code). */
  private retrying(event: RetryEvent): void {
    if (this.core.retry.size > 0) this.core.retry.emit(event);
    const own = this.call.onRetry;
    if (own === undefined) return;
    try {
      own(event);
    } catch (error) {
      globalThis.process?.emitWarning?.(
        `an @rel onRetry listener threw: ${error instanceof Error ? error.message : String(error)}`,
        { code: 'REL_LISTENER_ERROR' },
      );
    }
  }

  private gateRefused(now: number): void {
    const core = this.core;
    const gate = core.gate!;
    const trail = this.failing();
    const delay = planGateWait(core, this.deadline, trail.gateWaits, now);
    if (delay === undefined) {
      const reopen = gate.retryAfterMs();
      return this.end('circuit_open', (e) => giveUp.circuitOpen(e, gate.name, gate.state, reopen));
    }
    trail.gateWaits++;
    const last = trail.records[trail.records.length - 1];
    if (last !== undefined) last.delayAfterMs = (last.delayAfterMs ?? 0) + delay;
    if (core.retry.size > 0 || this.call.onRetry !== undefined) {
      const kind: OutcomeKind = 'circuit_open';
      this.retrying(this.info({ attempt: this.attempts, delayMs: delay, kind, error: trail.lastError }));
    }
    this.sleep(delay, now);
  }
}
