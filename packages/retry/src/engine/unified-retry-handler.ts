import {
  EventEmitter,
  NonRetryableError,
  RelConfigError,
  type Event,
  type RetryConfig,
  type RetryConfigInput,
} from '@rel/config';
import { createBackoff } from '../backoff/create-backoff.js';
import type { RetryBudget } from '../budget/types.js';
import type { CallSettings, HandlerCore } from './core.js';
import type { AttemptFailureEvent, GiveUpEvent, RetryEvent, SuccessEvent } from './events.js';
import { Attempt } from './attempt.js';
import { Execution, isThenable } from './execution.js';
import { FirstAttempt } from './first-attempt.js';
import { resolveCallSettings, resolveHandlerInputs, type RetryHandlerOptions } from './handler-inputs.js';
import { InFlightList } from './in-flight.js';
import type { ExecuteOptions, Operation, RetryResult } from './types.js';

type Settle = (value: unknown) => void;
const noop: Settle = () => undefined;
// A promise's resolve/reject captured by one shared executor instead of a closure per call
// (the executor runs synchronously, and the values are handed on before anything else runs).
let capturedResolve: Settle = noop;
let capturedReject: Settle = noop;
const capture = (resolve: (value: never) => void, reject: (reason?: unknown) => void): void => {
  capturedResolve = resolve as Settle;
  capturedReject = reject;
};

const notAFunction = (op: unknown): RelConfigError =>
  new RelConfigError(
    [{ path: 'operation', received: op, expected: 'a function (context) => value | Promise' }],
    'execute arguments',
  );

/**
 * The one retry engine of @rel: backoff with jitter, the shared classifier, Retry-After,
 * attempt timeouts and an overall deadline, cancellation, an admission gate (the circuit
 * breaker) checked before every attempt, and a per-dependency retry budget.
 *
 * - The configuration is validated once, here; a complete frozen policy such as
 *   `LLM_RETRY_POLICY` is used as it is and never mutated.
 * - `execute` returns the value or throws a typed error (`RetryExhaustedError`,
 *   `NonRetryableError`, `DeadlineExceededError`, `CancelledError`, `CircuitOpenError`,
 *   `BudgetExhaustedError`) carrying every attempt, with `cause` = the last failure.
 * - `executeWithRetry` never throws: it resolves to a {@link RetryResult}.
 * - Events cost nothing without listeners.
 *
 * @example
 * ```ts
 * const openai = new UnifiedRetryHandler('openai', LLM_RETRY_POLICY, { gate: breaker });
 * const reply = await openai.execute(({ signal }) => client.chat.completions.create(req, { signal }), {
 *   signal: request.signal,
 *   operation: 'chat.completions',
 * });
 * ```
 */
export class UnifiedRetryHandler {
  /** The service (dependency) name: error messages, events and the default budget key. */
  readonly serviceName: string;
  /** The complete, frozen configuration in use. */
  readonly config: RetryConfig;
  /** Before each wait: `{ attempt, delayMs, kind, error, retryAfterMs? }`. */
  readonly onRetry: Event<RetryEvent>;
  /** After every failed attempt (retried or not). */
  readonly onFailure: Event<AttemptFailureEvent>;
  /** Once per successful call. */
  readonly onSuccess: Event<SuccessEvent>;
  /** Once per call that ends without success, with the typed error. */
  readonly onGiveUp: Event<GiveUpEvent>;
  private readonly core: HandlerCore;
  private readonly defaults: CallSettings;
  /** No result reading: a first attempt needs no full {@link Execution} ({@link FirstAttempt}). */
  private readonly lean: boolean;
  /** ...and no gate and no time limits either: {@link fastExecute} applies. */
  private readonly fast: boolean;

  /**
   * @param serviceName - the dependency this handler calls (e.g. `"openai"`).
   * @param config - a complete policy (e.g. `LLM_RETRY_POLICY`) or any subset of `RetryConfig` over the defaults.
   * @param options - injected clock, random, gate, budget (or budget store) and classifier.
   * @throws {@link RelConfigError} listing every bad field of `config` and `options`.
   */
  constructor(serviceName: string, config?: RetryConfig | RetryConfigInput, options?: RetryHandlerOptions) {
    const inputs = resolveHandlerInputs(serviceName, config, options);
    this.serviceName = serviceName;
    this.config = inputs.config;
    const retry = new EventEmitter<RetryEvent>();
    const failure = new EventEmitter<AttemptFailureEvent>();
    const success = new EventEmitter<SuccessEvent>();
    const giveUp = new EventEmitter<GiveUpEvent>();
    this.onRetry = retry.event;
    this.onFailure = failure.event;
    this.onSuccess = success.event;
    this.onGiveUp = giveUp.event;
    this.defaults = Object.freeze({
      signal: undefined,
      operation: undefined,
      attemptTimeoutMs: inputs.config.attemptTimeoutMs,
      totalTimeoutMs: inputs.config.totalTimeoutMs,
      onRetry: undefined,
    });
    this.core = {
      service: serviceName,
      config: inputs.config,
      clock: inputs.clock,
      random: inputs.random,
      gate: inputs.gate,
      budget: inputs.budget,
      classifier: inputs.classifier,
      readsResults: inputs.classifier.readsResults === true,
      backoff: createBackoff(inputs.config),
      inflight: new InFlightList(inputs.clock),
      retry,
      failure,
      success,
      giveUp,
      defaults: this.defaults,
    };
    this.lean = !this.core.readsResults;
    this.fast =
      this.lean &&
      inputs.gate === undefined &&
      inputs.config.attemptTimeoutMs === undefined &&
      inputs.config.totalTimeoutMs === undefined;
  }

  /** The retry budget this handler draws on (shared with every handler of the same key), if any. */
  get budget(): RetryBudget | undefined {
    return this.core.budget;
  }

  /** Tokens left in the retry budget now (for health), or `undefined` without a budget. */
  budgetLevel(): number | undefined {
    return this.core.budget?.available(this.core.clock.now());
  }

  /**
   * Runs `op` with retries and returns its value, or throws a typed error carrying every
   * attempt (`error.attempts`, `error.cause` = the last failure).
   *
   * @example
   * ```ts
   * const rows = await db.execute(() => pool.query(sql), { totalTimeoutMs: 5_000 });
   * ```
   */
  execute<T>(op: Operation<T>, opts?: ExecuteOptions): Promise<T> {
    if (typeof op !== 'function') return Promise.reject(notAFunction(op));
    if (opts === undefined && this.lean && this.core.success.size === 0)
      return this.fast ? this.fastExecute(op) : this.firstAttempt(op);
    const call = opts === undefined ? this.defaults : resolveCallSettings(this.defaults, opts);
    if (call instanceof RelConfigError) return Promise.reject(call);
    const promise = new Promise<T>(capture);
    new Execution<T>(this.core, op, call, true, capturedResolve, capturedReject).run();
    return promise;
  }

  /**
   * The common case in one step: no gate, no time limits, no signal, no result reading,
   * nobody listening for successes. One clock read (the start, for the budget and the
   * record), one context object, and the operation's own `then`: the call's promise is the
   * one `then` returns. A failure hands the attempt to a full {@link Execution}.
   */
  private fastExecute<T>(op: Operation<T>): Promise<T> {
    const core = this.core;
    const now = core.clock.now();
    core.budget?.deposit(now);
    const a = new Attempt(1, Infinity, now, -1);
    let result: T | PromiseLike<T>;
    try {
      result = op(a);
    } catch (error) {
      return this.resume(op, a, error);
    }
    // The rejection handler is an inline arrow on purpose: a named per-call closure costs a
    // defineProperty under transpilers that keep function names.
    if (result instanceof Promise)
      return (result as Promise<T>).then(undefined, (e: unknown) => this.resume(op, a, e));
    if (isThenable(result))
      return Promise.resolve(result).then(undefined, (e: unknown) => this.resume(op, a, e));
    return Promise.resolve(result);
  }

  /**
   * No per-call options, signal, result reading or success listener, but a gate and/or a
   * time limit: the gate is asked here (a refusal continues as a full call, counted once)
   * and the first attempt runs as one {@link FirstAttempt}. Kept out of `execute` so that
   * `execute` stays small enough to be inlined into its callers.
   */
  private firstAttempt<T>(op: Operation<T>): Promise<T> {
    const core = this.core;
    const now = core.clock.now();
    const promise = new Promise<T>(capture);
    let token = -1;
    if (core.gate !== undefined) {
      token = core.gate.tryAcquire(); // before every attempt
      if (token < 0) {
        new Execution<T>(core, op, this.defaults, true, capturedResolve, capturedReject, now).refused(now);
        return promise;
      }
    }
    new FirstAttempt<T>(core, op, capturedResolve, capturedReject, now, token).run();
    return promise;
  }

  /** Hands a failed fast-path attempt to a full {@link Execution}. */
  private resume<T>(op: Operation<T>, a: Attempt, error: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      new Execution<T>(
        this.core,
        op,
        this.defaults,
        true,
        resolve as (value: unknown) => void,
        reject,
        a.startedAt,
      ).adopt(a, error),
    );
  }

  /**
   * Runs `op` with retries and never throws: resolves to `{ success, value | error,
   * outcome, attempts, totalTimeMs }`. Invalid arguments come back as a failure with a
   * `NonRetryableError` whose cause is the `RelConfigError`. Errors on this path are built
   * without a stack trace (their `cause` keeps the failure's own).
   *
   * @example
   * ```ts
   * const r = await api.executeWithRetry(() => fetch(url));
   * if (!r.success && r.outcome === 'circuit_open') return cached;
   * ```
   */
  executeWithRetry<T>(op: Operation<T>, opts?: ExecuteOptions): Promise<RetryResult<T>> {
    const call =
      typeof op !== 'function'
        ? notAFunction(op)
        : opts === undefined
          ? this.defaults
          : resolveCallSettings(this.defaults, opts);
    if (call instanceof RelConfigError) {
      const error = new NonRetryableError(`${this.serviceName}: invalid arguments: ${call.message}`, {
        service: this.serviceName,
        cause: call,
      });
      return Promise.resolve({ success: false, error, outcome: 'permanent', attempts: [], totalTimeMs: 0 });
    }
    const promise = new Promise<RetryResult<T>>(capture);
    new Execution<T>(this.core, op, call, false, capturedResolve, capturedReject).run();
    return promise;
  }
}
