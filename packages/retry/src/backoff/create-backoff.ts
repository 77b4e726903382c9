import { systemRandom, type CustomDelayInput, type Random } from '@rel/config';
import { customDelay } from './custom.js';
import { decorrelatedDelay } from './decorrelated.js';
import { exponentialDelay } from './exponential.js';
import { fibonacciDelay } from './fibonacci.js';
import { fixedDelay } from './fixed.js';
import { applyJitter } from './jitter.js';
import { linearDelay } from './linear.js';
import {
  INITIAL_BACKOFF_STATE,
  type Backoff,
  type BackoffInput,
  type BackoffOptions,
  type BackoffState,
  type BackoffStep,
} from './types.js';

/** Raw strategy delay for the 1-based attempt `attempt`, before jitter and cap. */
function rawDelay(o: BackoffOptions, attempt: number, previousDelayMs: number, input: BackoffInput): number {
  const b = o.backoff;
  if (typeof b === 'object') {
    const custom: CustomDelayInput = { attempt, previousDelayMs, error: input.error };
    return customDelay(b.delay, custom);
  }
  switch (b) {
    case 'fixed':
      return fixedDelay(attempt, o.baseDelayMs);
    case 'linear':
      return linearDelay(attempt, o.baseDelayMs);
    case 'exponential':
      return exponentialDelay(attempt, o.baseDelayMs, o.multiplier);
    case 'fibonacci':
      return fibonacciDelay(attempt, o.baseDelayMs);
    case 'decorrelated':
      return decorrelatedDelay(previousDelayMs, o.baseDelayMs, o.maxDelayMs, input.random ?? systemRandom);
  }
}

/**
 * Builds the pure backoff of a retry configuration: strategy, then jitter, then the cap,
 * so every delay lies in `[0, maxDelayMs]`.
 *
 * - `a` is the 1-based number of the attempt that just failed.
 * - `fixed` base; `linear` base * a; `exponential` base * multiplier^(a-1);
 *   `fibonacci` base * F(a); `decorrelated` min(cap, U(base, 3 * prev)) (no extra jitter);
 *   `custom` whatever the function returns (checked: a number >= 0).
 * - Jitter `none` | `full` U(0, d) | `equal` d/2 + U(0, d/2) | `proportional` d * (1 ± range).
 * - Then `min(maxDelayMs, d)`.
 *
 * The backoff holds no mutable state: the state travels in {@link BackoffStep}.
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @example
 * ```ts
 * const backoff = createBackoff({ backoff: 'exponential', baseDelayMs: 1_000, maxDelayMs: 5_000,
 *   multiplier: 2, jitter: 'none', jitterRange: 0 });
 * backoffSchedule(backoff, 4); // [1000, 2000, 4000, 5000]
 * ```
 */
export function createBackoff(options: BackoffOptions): Backoff {
  return {
    options,
    next(state: BackoffState, input: BackoffInput = {}): BackoffStep {
      const attempt = state.attempt + 1;
      const raw = rawDelay(options, attempt, state.previousDelayMs, input);
      const jittered =
        options.backoff === 'decorrelated'
          ? raw
          : applyJitter(options.jitter, raw, {
              jitterRange: options.jitterRange,
              random: input.random ?? systemRandom,
            });
      const delayMs = Math.max(0, Math.min(options.maxDelayMs, jittered));
      return { delayMs, state: { attempt, previousDelayMs: delayMs } };
    },
  };
}

/**
 * The first `count` delays of a backoff, in order (handy for docs, tests and reconnect
 * loops that want the whole schedule up front).
 *
 * @example
 * ```ts
 * backoffSchedule(createBackoff({ ...config, backoff: 'fibonacci', jitter: 'none' }), 6); // base * [1, 1, 2, 3, 5, 8]
 * ```
 */
export function backoffSchedule(backoff: Backoff, count: number, random?: Random): number[] {
  const delays: number[] = [];
  let state = INITIAL_BACKOFF_STATE;
  const input: BackoffInput = random ? { random } : {};
  for (let i = 0; i < count; i++) {
    const step = backoff.next(state, input);
    delays.push(step.delayMs);
    state = step.state;
  }
  return delays;
}
