import type { Backoff as BackoffSetting, CustomDelayInput, JitterKind, Random } from '@rel/config';

/**
 * What a backoff needs from a {@link RetryConfig}: the strategy, its numbers, the jitter
 * and the cap. Any complete `RetryConfig` is one, so `createBackoff(handler.config)` works.
 */
export interface BackoffOptions {
  /** Strategy name or `{ kind: 'custom', delay }`. */
  readonly backoff: BackoffSetting;
  /** Delay unit of every strategy (ms). */
  readonly baseDelayMs: number;
  /** Cap on every delay, jitter included (ms). */
  readonly maxDelayMs: number;
  /** Growth factor of `exponential`. */
  readonly multiplier: number;
  /** Jitter applied to the strategy's delay (`decorrelated` is already random and ignores it). */
  readonly jitter: JitterKind;
  /** Spread of `proportional` jitter: d * (1 ± jitterRange). */
  readonly jitterRange: number;
}

/**
 * Where a backoff sequence stands. A plain value: keep it, pass it back, and the same
 * state with the same random numbers always gives the same next delay.
 */
export interface BackoffState {
  /** How many delays were computed so far (0 before the first failure). */
  readonly attempt: number;
  /** The delay returned last time (ms), or 0 before the first. */
  readonly previousDelayMs: number;
}

/** One step of a backoff: the delay to wait now, and the state to pass next time. */
export interface BackoffStep {
  /** Milliseconds to wait before the next attempt, within [0, maxDelayMs]. */
  readonly delayMs: number;
  /** The state after this step. */
  readonly state: BackoffState;
}

/** Inputs of one step besides the state. */
export interface BackoffInput {
  /** Uniform random numbers in [0, 1). @defaultValue `systemRandom` */
  readonly random?: Random;
  /** The failure being retried (handed to a custom delay function). */
  readonly error?: unknown;
}

/**
 * A pure backoff: `next(state) -> { delayMs, state }`. It holds no mutable state, so one
 * instance serves every call of a handler (and can be shared across handlers).
 *
 * @example
 * ```ts
 * const backoff = createBackoff({ ...DEFAULT_RETRY_CONFIG, jitter: 'none' });
 * let state = INITIAL_BACKOFF_STATE;
 * const first = backoff.next(state); // { delayMs: 1000, state: { attempt: 1, previousDelayMs: 1000 } }
 * ```
 */
export interface Backoff {
  /** The options this backoff was built from. */
  readonly options: BackoffOptions;
  /** The next delay after `state` (use {@link INITIAL_BACKOFF_STATE} before the first failure). */
  next(state: BackoffState, input?: BackoffInput): BackoffStep;
}

/** A raw strategy delay (before jitter and cap), given the 1-based attempt that just failed. */
export type RawDelay = (input: CustomDelayInput, random: Random) => number;

/** The state before the first failure. */
export const INITIAL_BACKOFF_STATE: BackoffState = Object.freeze({ attempt: 0, previousDelayMs: 0 });
