import type { AttemptRecord, TimerHandle } from '@rel/config';
import { INITIAL_BACKOFF_STATE, type BackoffState } from '../backoff/types.js';

/** An attempt record while the call is running (`delayAfterMs` is filled in later). @internal */
export type MutableRecord = { -readonly [K in keyof AttemptRecord]: AttemptRecord[K] };

/**
 * What a call needs only once an attempt has failed (or once a result object is wanted):
 * the records, the backoff position, the last failure and the pending wait. It is
 * allocated on first need, so a first-try success, the common case, carries none of it
 * (fewer fields to initialise and less garbage per call).
 *
 * @internal
 */
export class Trail {
  /** Every attempt so far, in order (the array handed to errors and results). */
  records: MutableRecord[] = [];
  /** Where the backoff sequence stands. */
  backoff: BackoffState = INITIAL_BACKOFF_STATE;
  /** The last failure (an error's `cause`), once there is one. */
  lastError: unknown = undefined;
  /** Whether `lastError` is set (a failure can be `undefined` itself). */
  hasError = false;
  /** The pending wait before the next attempt, if any. */
  sleepTimer: TimerHandle = undefined;
  /** When that wait ends (clock ms); a timer that fires early sleeps the rest. */
  wakeAt = 0;
  /** How many times the call waited for an open circuit (bounded by maxAttempts). */
  gateWaits = 0;
}
