/** Opaque handle returned by {@link Clock.setTimeout}. */
export type TimerHandle = unknown;

/**
 * The source of time for everything in @rel. Inject a fake one in tests (see
 * `@rel/test-utils`) and every timing rule runs deterministically, with no real sleeps.
 */
export interface Clock {
  /** Monotonic milliseconds, aligned to the Unix epoch at process start. */
  now(): number;
  /** Runs `callback` after `ms` milliseconds. */
  setTimeout(callback: () => void, ms: number): TimerHandle;
  /** Cancels a timer from {@link Clock.setTimeout}; unknown handles are ignored. */
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The real clock. `now()` is `performance.timeOrigin + performance.now()`: monotonic (a
 * wall-clock step cannot make a deadline jump) and still comparable to `Date.now()`.
 * The globals are looked up on every call, so fake timers installed later still apply.
 */
export const systemClock: Clock = Object.freeze({
  now: () => {
    // One read of the global (an accessor in Node, ~10 ns) serves both of its members.
    const perf = performance;
    return perf.timeOrigin + perf.now();
  },
  setTimeout: (callback: () => void, ms: number): TimerHandle => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle: TimerHandle): void => {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  },
});

/**
 * Resolves after `ms` on `clock`, or rejects with the signal's reason as soon as `signal`
 * aborts. The abort listener is removed when the sleep ends, so nothing is left behind.
 */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  // The rejection is the signal's own reason (what the caller aborted with), as fetch does.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0 && !signal) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clock.clearTimeout(handle);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(signal?.reason);
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
