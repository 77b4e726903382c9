/**
 * Every state a {@link UnifiedCircuitBreaker} can be in, as reported by `state`, in
 * events and in `status()`:
 *
 * - `closed`: calls run; the strategy watches their outcomes.
 * - `open`: calls are refused until the open time has passed.
 * - `half_open`: up to `halfOpenMaxProbes` probe calls run at once; everyone else is refused.
 * - `isolated`: forced open by hand (`isolate()`), until the last handle is disposed.
 * - `disabled`: switched off by hand (`disable()`): every call runs, nothing can open it.
 *
 * @example
 * ```ts
 * if (breaker.state === 'open') showBanner(`retry in ${breaker.retryAfterMs()} ms`);
 * ```
 * @see {@link UnifiedCircuitBreaker}
 */
export const CIRCUIT_STATES = ['closed', 'open', 'half_open', 'isolated', 'disabled'] as const;

/** One of {@link CIRCUIT_STATES}. */
export type CircuitState = (typeof CIRCUIT_STATES)[number];

/**
 * Why a breaker changed state. Every transition has exactly one of these, so a log line
 * or an alert can say what happened without guessing:
 *
 * | reason | transition |
 * |---|---|
 * | `failure_threshold` | closed -> open: `failureThreshold` failures in a row (`consecutive`) |
 * | `failure_rate` | closed -> open: the window's failure ratio reached `failureRateThreshold` |
 * | `slow_call_rate` | closed -> open: the window's slow-call ratio reached `slowCallRateThreshold` |
 * | `open_elapsed` | open -> half_open: the open time has passed |
 * | `probes_succeeded` | half_open -> closed: `successThreshold` probes succeeded |
 * | `probe_failed` | half_open -> open: a probe failed |
 * | `probe_slow` | half_open -> open: a probe succeeded, but slower than `slowCallMs` (`slow_call` only) |
 * | `probe_lease_expired` | half_open -> open: a probe never reported back within its lease |
 * | `isolated` / `isolation_ended` | into `isolated` / back to the underlying state |
 * | `disabled` / `enabled` | into `disabled` / back to `closed` |
 * | `reset` | any -> closed (`reset()`) |
 * | `restored` | any -> the state of a restored snapshot |
 */
export const TRANSITION_REASONS = [
  'failure_threshold',
  'failure_rate',
  'slow_call_rate',
  'open_elapsed',
  'probes_succeeded',
  'probe_failed',
  'probe_slow',
  'probe_lease_expired',
  'isolated',
  'isolation_ended',
  'disabled',
  'enabled',
  'reset',
  'restored',
] as const;

/** One of {@link TRANSITION_REASONS}. */
export type TransitionReason = (typeof TRANSITION_REASONS)[number];

/** The reasons a strategy gives for opening a closed breaker. */
export type TripReason = Extract<TransitionReason, 'failure_threshold' | 'failure_rate' | 'slow_call_rate'>;

/**
 * Internal state codes. Small integers keep the admission check a single comparison;
 * `isolated` is never stored here (it is an overlay, see the breaker).
 * @internal
 */
export const S_CLOSED = 0;
/** @internal */
export const S_OPEN = 1;
/** @internal */
export const S_HALF_OPEN = 2;
/** @internal */
export const S_DISABLED = 3;
/** @internal */
export const S_ISOLATED = 4;

/** @internal code -> public name */
export const STATE_NAMES: readonly CircuitState[] = ['closed', 'open', 'half_open', 'disabled', 'isolated'];
