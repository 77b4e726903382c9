import {
  AttemptTimeoutError,
  BudgetExhaustedError,
  CancelledError,
  CircuitOpenError,
  DeadlineExceededError,
  NonRetryableError,
  RetryExhaustedError,
  type AttemptRecord,
  type ExecutionError,
  type ExecutionErrorOptions,
} from '@rel/config';
import type { CallSettings, HandlerCore } from './core.js';

/** What every final error carries. @internal */
export interface Ending {
  readonly service: string;
  readonly attempts: readonly AttemptRecord[];
  readonly totalTimeMs: number;
  /** The last underlying failure (`undefined`: none, e.g. refused before the first attempt). */
  readonly cause: unknown;
  readonly hasCause: boolean;
  /** Build without a stack trace (the non-throwing path: its `cause` has the real stack). */
  readonly stackless: boolean;
}

const options = (e: Ending): ExecutionErrorOptions =>
  e.hasCause
    ? { service: e.service, attempts: e.attempts, totalTimeMs: e.totalTimeMs, cause: e.cause }
    : { service: e.service, attempts: e.attempts, totalTimeMs: e.totalTimeMs };

/** A short description of a failure for a message. */
export function describeFailure(value: unknown): string {
  let text: string;
  if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

const ms = (value: number): string => `${Math.round(value)} ms`;

// Capturing a stack costs microseconds and, for an error built in a timer callback, shows
// only our own frames; the non-throwing path skips it (Polly measured 22x for throwing).
function build<E extends ExecutionError>(stackless: boolean, make: () => E): E {
  if (!stackless) return make();
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** @internal */
export const giveUp = {
  exhausted(e: Ending, kind: string, reason: string): RetryExhaustedError {
    const n = e.attempts.length;
    const text = `${e.service}: all ${n} attempt${n === 1 ? '' : 's'} failed; the last was ${kind} (${reason}): ${describeFailure(e.cause)}`;
    return build(e.stackless, () => new RetryExhaustedError(text, options(e)));
  },
  hintTooLong(e: Ending, hintMs: number, maxMs: number): RetryExhaustedError {
    const text = `${e.service}: the server asked to wait ${ms(hintMs)} (Retry-After), more than maxRetryAfterMs (${ms(maxMs)}); not retrying`;
    return build(e.stackless, () => new RetryExhaustedError(text, options(e)));
  },
  nonRetryable(e: Ending, kind: string, reason: string): NonRetryableError {
    const text = `${e.service}: attempt ${e.attempts.length} failed with a non-retryable ${kind} failure (${reason}): ${describeFailure(e.cause)}`;
    return build(e.stackless, () => new NonRetryableError(text, options(e)));
  },
  deadline(e: Ending, text: string, deadlineMs: number, refusedDelayMs?: number): DeadlineExceededError {
    const o =
      refusedDelayMs === undefined
        ? { ...options(e), deadlineMs }
        : { ...options(e), deadlineMs, refusedDelayMs };
    return build(e.stackless, () => new DeadlineExceededError(`${e.service}: ${text}`, o));
  },
  circuitOpen(e: Ending, circuit: string, state: string, retryAfterMs: number): CircuitOpenError {
    const wait = Number.isFinite(retryAfterMs) ? `try again in ${ms(retryAfterMs)}` : 'isolated until reset';
    const text = `${e.service}: circuit "${circuit}" is ${state} after ${e.attempts.length} attempt${e.attempts.length === 1 ? '' : 's'}; ${wait}`;
    return build(
      e.stackless,
      () => new CircuitOpenError(text, { ...options(e), circuit, state, retryAfterMs }),
    );
  },
  budget(e: Ending, key: string, available: number, kind: string): BudgetExhaustedError {
    const text = `${e.service}: retry budget "${key}" is exhausted (${available.toFixed(2)} tokens left); not retrying after attempt ${e.attempts.length} (${kind})`;
    return build(e.stackless, () => new BudgetExhaustedError(text, options(e)));
  },
  cancelled(e: Ending, where: string): CancelledError {
    return build(
      e.stackless,
      () => new CancelledError(`${e.service}: cancelled by the caller ${where}`, options(e)),
    );
  },
};

/**
 * Why an attempt's signal is aborted when its time limit passes: the attempt timeout
 * (`AttemptTimeoutError`, a `timeout`) or the overall deadline (`DeadlineExceededError`).
 * @internal
 */
export function limitReason(core: HandlerCore, call: CallSettings, attempt: number, cut: boolean): Error {
  const total = call.totalTimeoutMs;
  return cut
    ? new DeadlineExceededError(
        `${core.service}: the ${total} ms deadline passed during attempt ${attempt}`,
        {
          service: core.service,
          deadlineMs: total!,
        },
      )
    : new AttemptTimeoutError(call.attemptTimeoutMs!, attempt);
}
