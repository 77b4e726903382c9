import { Attempt } from './attempt.js';
import type { CallSettings, HandlerCore } from './core.js';
import { Execution, isThenable } from './execution.js';
import { limitReason } from './give-up.js';
import type { InFlightNode } from './in-flight.js';
import type { Operation } from './types.js';

type Settle = (value: unknown) => void;

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
 * @internal
 */
export class FirstAttempt<T> extends Attempt implements InFlightNode {
  timeoutAt: number;
  prev: InFlightNode | null = null;
  next: InFlightNode | null = null;
  linked = false;
  private readonly core: HandlerCore;
  private readonly call: CallSettings;
  private readonly op: Operation<T>;
  private readonly resolve: Settle;
  private readonly reject: Settle;
  private readonly cut: boolean;
  private timedOut = false;

  constructor(
    core: HandlerCore,
    call: CallSettings,
    op: Operation<T>,
    resolve: Settle,
    reject: Settle,
    now: number,
    token: number,
  ) {
    const deadline = call.totalTimeoutMs === undefined ? Infinity : now + call.totalTimeoutMs;
    super(undefined, 1, deadline, now, token);
    const limit = call.attemptTimeoutMs === undefined ? Infinity : now + call.attemptTimeoutMs;
    this.core = core;
    this.call = call;
    this.op = op;
    this.resolve = resolve;
    this.reject = reject;
    this.cut = deadline < limit;
    this.timeoutAt = this.cut ? deadline : limit;
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
    this.abort(limitReason(this.core, this.call, 1, this.cut));
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
    new Execution<T>(this.core, this.op, this.call, true, this.resolve, this.reject, this.startedAt).adopt(
      this,
      error,
    );
  }
}
