import { AbortState } from './abort-state.js';
import type { AttemptState } from './attempt.js';
import type { HandlerCore } from './core.js';
import { Execution, isThenable } from './execution.js';
import { limitReason } from './give-up.js';
import type { InFlightNode } from './in-flight.js';
import type { Operation } from './types.js';

type Settle = (value: unknown) => void;

/** When an attempt started at `start` times out, or `Infinity` without an attempt timeout. */
const attemptLimit = (core: HandlerCore, start: number): number => {
  const ms = core.defaults.attemptTimeoutMs;
  return ms === undefined ? Infinity : start + ms;
};

/**
 * The common case of `execute()` in one object: a first attempt with nothing per call to
 * consult (no caller signal, no per-call options, no result reading, no success listeners),
 * with or without an admission gate and a time limit (attempt timeout and/or deadline).
 * It is at once the call's state, the attempt's context and the node of the in-flight
 * list, so a first-try success costs one object, the call's promise and one `then`.
 *
 * - With a gate, the caller has already been admitted (`token`); a success reads the
 *   clock once and reports `release(token, 'success', duration)` before the call
 *   resolves. Without a gate nobody observes the duration, so a success reads no clock.
 * - A failure, or an aggressive timeout, hands the attempt (token included) to a full
 *   {@link Execution} with the same promise: classification, the gate's report, records,
 *   the retry decision and waits all happen there, exactly as for any other call.
 * - A gate that breaks its never-throw contract on release ends the call with that error,
 *   as a full {@link Execution} does.
 *
 * It is its own class rather than a subclass of `Attempt`: constructing a derived class
 * (the `super` call and one field initializer per class) measured ~9% of a whole pipeline
 * call. The abort side is the same {@link AbortState} an `Attempt` uses.
 *
 * @internal
 */
export class FirstAttempt<T> implements AttemptState, InFlightNode {
  readonly attempt = 1;
  readonly deadline: number;
  readonly startedAt: number;
  readonly token: number;
  done = false;
  timeoutAt: number;
  prev: InFlightNode | null = null;
  next: InFlightNode | null = null;
  linked = false;
  // Few fields on purpose (one object per call): the call settings are the handler's
  // defaults (`core.defaults`), whether the limit is the deadline is worked out again on
  // the rare timeout rather than stored, and the abort side exists only once needed.
  private readonly core: HandlerCore;
  private readonly op: Operation<T>;
  private readonly resolve: Settle;
  private readonly reject: Settle;
  private timedOut = false;
  private cut: AbortState | undefined = undefined;

  constructor(
    core: HandlerCore,
    op: Operation<T>,
    resolve: Settle,
    reject: Settle,
    now: number,
    token: number,
  ) {
    const total = core.defaults.totalTimeoutMs;
    const deadline = total === undefined ? Infinity : now + total;
    const limit = attemptLimit(core, now);
    this.deadline = deadline;
    this.startedAt = now;
    this.token = token;
    this.timeoutAt = deadline < limit ? deadline : limit;
    this.core = core;
    this.op = op;
    this.resolve = resolve;
    this.reject = reject;
  }

  get signal(): AbortSignal {
    return (this.cut ??= new AbortState()).signal;
  }

  get abortReason(): unknown {
    return this.cut?.reason;
  }

  abort(reason: unknown): void {
    (this.cut ??= new AbortState()).abort(reason);
  }

  /** Runs the first attempt (already admitted by the gate, when there is one). */
  run(): void {
    const core = this.core;
    core.budget?.deposit(this.startedAt);
    if (this.timeoutAt !== Infinity) core.inflight.insert(this, this.startedAt);
    let result: unknown;
    try {
      result = this.op(this);
    } catch (error) {
      return this.failed(error);
    }
    if (isThenable(result)) {
      result.then(
        (value) => this.succeeded(value),
        (error: unknown) => this.failed(error),
      );
    } else this.succeeded(result);
  }

  /** The in-flight list says the limit passed. */
  expire(): void {
    if (this.done) return;
    this.timedOut = true;
    // The same arithmetic as in the constructor, so the same answer.
    const cut = this.deadline < attemptLimit(this.core, this.startedAt);
    this.abort(limitReason(this.core, this.core.defaults, 1, cut));
    // Cooperative: the aborted signal asks the operation to stop; wait for it to settle.
    if (this.core.config.timeoutMode === 'aggressive') this.handOver(this.abortReason);
  }

  private succeeded(value: unknown): void {
    if (this.done) return;
    this.done = true;
    const core = this.core;
    if (this.linked) core.inflight.remove(this);
    const gate = core.gate;
    if (gate !== undefined) {
      try {
        gate.release(this.token, 'success', core.clock.now() - this.startedAt);
      } catch (error) {
        core.inflight.disarmIfEmpty();
        return this.reject(error);
      }
    }
    this.resolve(value);
  }

  private failed(error: unknown): void {
    if (this.done) return;
    if (this.linked) this.core.inflight.remove(this);
    // After our own limit passed, the failure is the timeout, whatever the operation threw.
    this.handOver(this.timedOut ? this.abortReason : error);
  }

  private handOver(error: unknown): void {
    new Execution<T>(
      this.core,
      this.op,
      this.core.defaults,
      true,
      this.resolve,
      this.reject,
      this.startedAt,
    ).adopt(this, error);
  }
}
