import type { ExecutionError, FailureKind, OutcomeKind } from '@rel/config';
import type { BackoffState } from '../backoff/types.js';
import type { Classification } from '../classify/types.js';
import type { HandlerCore } from './core.js';
import { giveUp, type Ending } from './give-up.js';

/** Where a call stands when an attempt has failed. @internal */
export interface CallState {
  /** Attempts made so far (the failed one included). */
  readonly attempts: number;
  readonly backoff: BackoffState;
  /** Absolute deadline, or Infinity. */
  readonly deadline: number;
  readonly totalTimeoutMs: number | undefined;
  readonly lastError: unknown;
}

/** What to do after a failure: wait and retry, or end with a typed error. @internal */
export type Plan =
  | {
      readonly retry: true;
      readonly delayMs: number;
      readonly backoff: BackoffState;
      readonly retryAfterMs?: number;
    }
  | {
      readonly retry: false;
      readonly outcome: FailureKind;
      readonly error: (ending: Ending) => ExecutionError;
    };

const stop = (outcome: FailureKind, error: (ending: Ending) => ExecutionError): Plan => ({
  retry: false,
  outcome,
  error,
});
const round = Math.round;

/**
 * The retry decision after a failed attempt, in order:
 * 1. a deadline cut ends the call (`DeadlineExceededError`); a non-retryable failure ends
 *    it (`NonRetryableError`); the last allowed attempt ends it (`RetryExhaustedError`);
 * 2. the wait is max(backoff, Retry-After hint); a hint above `maxRetryAfterMs` ends the
 *    call rather than waiting that long;
 * 3. an open circuit that will not admit before the wait is over ends the call
 *    (`CircuitOpenError`), unless `waitForOpenCircuit` is set and it reopens before the deadline;
 * 4. a wait that would reach the deadline is not started (`DeadlineExceededError` with
 *    `refusedDelayMs`, saying whether a Retry-After hint caused it);
 * 5. the retry budget must have a token (`BudgetExhaustedError` otherwise), taken last so
 *    a retry refused for another reason costs none.
 *
 * @internal
 */
export function planRetry(
  core: HandlerCore,
  call: CallState,
  kind: OutcomeKind,
  c: Classification,
  now: number,
): Plan {
  const config = core.config;
  const total = call.totalTimeoutMs;
  if (kind === 'deadline_exceeded') {
    return stop(kind, (e) =>
      giveUp.deadline(e, `the ${total} ms deadline passed during attempt ${call.attempts}`, total!),
    );
  }
  if (!c.retryable) return stop(kind as FailureKind, (e) => giveUp.nonRetryable(e, kind, c.reason));
  if (call.attempts >= config.maxAttempts)
    return stop(kind as FailureKind, (e) => giveUp.exhausted(e, kind, c.reason));

  const step = core.backoff.next(call.backoff, { random: core.random, error: call.lastError });
  let delay = step.delayMs;
  const hint = config.respectRetryAfter ? c.retryAfterMs : undefined;
  if (hint !== undefined) {
    if (hint > config.maxRetryAfterMs) {
      return stop(kind as FailureKind, (e) => giveUp.hintTooLong(e, hint, config.maxRetryAfterMs));
    }
    if (hint > delay) delay = hint; // never retry before the server's hint
  }
  const gate = core.gate;
  if (gate !== undefined && (gate.state === 'open' || gate.state === 'isolated')) {
    // No sleeping against an open circuit: wait only if it admits again in time and we may.
    const reopen = gate.retryAfterMs();
    if (reopen > delay) {
      if (!config.waitForOpenCircuit || !Number.isFinite(reopen) || now + reopen >= call.deadline) {
        return stop('circuit_open', (e) => giveUp.circuitOpen(e, gate.name, gate.state, reopen));
      }
      delay = reopen;
    }
  }
  if (now + delay >= call.deadline) {
    const left = round(call.deadline - now);
    const text =
      hint !== undefined && hint >= delay
        ? `the Retry-After hint of ${round(hint)} ms lands beyond the ${total} ms deadline (${left} ms left); not waiting`
        : `waiting ${round(delay)} ms before attempt ${call.attempts + 1} would overrun the ${total} ms deadline (${left} ms left); not waiting`;
    return stop('deadline_exceeded', (e) => giveUp.deadline(e, text, total!, delay));
  }
  const budget = core.budget;
  if (budget !== undefined && !budget.tryWithdraw(now)) {
    return stop('budget_exhausted', (e) => giveUp.budget(e, budget.key, budget.available(now), kind));
  }
  return hint === undefined
    ? { retry: true, delayMs: delay, backoff: step.state }
    : { retry: true, delayMs: delay, backoff: step.state, retryAfterMs: hint };
}

/**
 * After the gate refused an attempt: how long to wait for it, or `undefined` to end the
 * call with `CircuitOpenError`. Waiting is a wait, not an attempt; it needs
 * `waitForOpenCircuit`, a finite reopen time before the deadline, and (so a breaker that
 * keeps reopening cannot pin a call without a deadline) at most `maxAttempts` waits.
 *
 * @internal
 */
export function planGateWait(
  core: HandlerCore,
  deadline: number,
  waits: number,
  now: number,
): number | undefined {
  const reopen = core.gate!.retryAfterMs();
  const config = core.config;
  if (!config.waitForOpenCircuit || !Number.isFinite(reopen)) return undefined;
  if (now + reopen >= deadline || waits >= config.maxAttempts) return undefined;
  return Math.max(1, reopen);
}
