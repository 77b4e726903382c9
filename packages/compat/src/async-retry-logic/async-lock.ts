import { DeadlineExceededError, InvalidStateError, RelConfigError, type Clock } from '@rel/config';
import { Bulkhead } from '@rel/core';
import { legacyClock } from '../delegate/legacy-instance.js';
import { useLegacy } from '../deprecation/warn-once.js';

/**
 * `lockInfo` (legacy keys). Times are Unix seconds on the default manager's clock.
 * @deprecated Use `Bulkhead#status()` of `@rel/core`. Removed in 2.0.0 (REL_DEP081).
 */
export interface AsyncLockInfo {
  readonly name: string;
  readonly locked: boolean;
  /** When the current holder got the lock, or null. */
  readonly acquired_at: number | null;
  /** Who holds it (the `acquiredBy` given on acquisition; the legacy trace id), or null. */
  readonly acquired_by: string | null;
  /** Seconds the current holder has held it, or null. */
  readonly held_for_seconds: number | null;
}

/**
 * What `acquire(timeout)` resolves to: the held lock. Release it once, by `release()` or
 * by leaving a `using` / `await using` block (it is disposable).
 * @deprecated Use `Bulkhead#tryEnter` / `queue` / `leave` of `@rel/core`. Removed in 2.0.0 (REL_DEP081).
 */
export interface AsyncLockHold extends Disposable, AsyncDisposable {
  /** Releases the lock (later calls do nothing). */
  release(): void;
}

const checkTimeout = (timeout: unknown, where: string): number => {
  if (typeof timeout === 'number' && timeout >= 0 && !Number.isNaN(timeout)) return timeout;
  throw new RelConfigError(
    [{ path: 'timeout', received: timeout, expected: 'a number of seconds >= 0 (Infinity: no timeout)' }],
    where,
  );
};

/**
 * The legacy `AsyncLock(name)` of `core/async_retry_logic`: a mutual-exclusion lock with
 * a timed acquisition and the legacy `lockInfo`. Waiters are served first come, first
 * served. Any caller may release it (as `asyncio.Lock`); releasing an unlocked lock is an
 * `InvalidStateError` (the legacy `RuntimeError`).
 *
 * Runs on the canonical `Bulkhead` of `@rel/core` (one slot, a FIFO queue whose waiters
 * leave at their deadline) and on the clock of the process default manager at
 * construction, so timeouts and `held_for_seconds` follow a fake clock in tests.
 *
 * - `acquireWithTimeout(timeout = 30.0)` resolves to `true`, or `false` after `timeout` s.
 * - `acquire(timeout = 30.0)` resolves to a disposable hold (`await using hold = await
 *   lock.acquire(5)`), or `acquire(timeout, fn)` runs `fn` while holding it (the legacy
 *   `async with lock.acquire(5):`); either throws a `DeadlineExceededError` (code
 *   `REL_DEADLINE_EXCEEDED`, the typed form of the legacy `ServiceTimeoutError`) on timeout.
 *
 * @deprecated Use a `ReliabilityInstance` whose profile has `bulkhead: { maxConcurrent: 1 }`
 * (`@rel/core`), or `Bulkhead` from `@rel/core`. Removed in 2.0.0 (REL_DEP081).
 * @example
 * ```ts
 * const lock = new AsyncLock('cache-refresh');
 * await lock.acquire(5, async () => refreshCache());
 * if (await lock.acquireWithTimeout(0.5)) {
 *   try { await work(); } finally { lock.release(); }
 * }
 * ```
 */
export class AsyncLock {
  /** The lock's name (in `lockInfo` and the timeout error). */
  readonly name: string;
  private readonly clock: Clock;
  private readonly gate: Bulkhead;
  private acquiredAt: number | null = null;
  private acquiredBy: string | null = null;

  constructor(name = 'anonymous') {
    useLegacy('REL_DEP081');
    if (typeof name !== 'string')
      throw new RelConfigError([{ path: 'name', received: name, expected: 'a string' }], 'AsyncLock');
    this.name = name;
    this.clock = legacyClock();
    // A lock is a bulkhead of one; the queue is as long as the canonical limit allows.
    this.gate = new Bulkhead({ maxConcurrent: 1, maxQueue: 1_000_000 }, this.clock);
  }

  /**
   * Waits up to `timeout` seconds for the lock: `true` once held, `false` on timeout.
   * @param acquiredBy - recorded as `lock_info.acquired_by` (the legacy trace id). @defaultValue null
   */
  async acquireWithTimeout(timeout = 30.0, acquiredBy: string | null = null): Promise<boolean> {
    useLegacy('REL_DEP081');
    const seconds = checkTimeout(timeout, 'AsyncLock.acquireWithTimeout');
    if (!this.gate.tryEnter()) {
      if (seconds === 0) return false;
      const waiting = this.gate.queue(this.clock.now() + seconds * 1000, undefined);
      if (waiting === 'rejected' || (await waiting) !== 'admitted') return false;
    }
    this.acquiredAt = this.clock.now() / 1000;
    this.acquiredBy = acquiredBy;
    return true;
  }

  /** Releases the lock (the oldest waiter gets it). @throws `InvalidStateError` when it is not held. */
  release(): void {
    useLegacy('REL_DEP081');
    if (!this.isLocked) throw new InvalidStateError(`AsyncLock(${this.name}) is not acquired`);
    this.acquiredAt = null;
    this.acquiredBy = null;
    this.gate.leave();
  }

  /** True while someone holds the lock. */
  get isLocked(): boolean {
    return this.gate.status().active > 0;
  }

  /** The legacy summary: name, locked, acquired_at, acquired_by, held_for_seconds. */
  get lockInfo(): AsyncLockInfo {
    const at = this.acquiredAt;
    return {
      name: this.name,
      locked: this.isLocked,
      acquired_at: at,
      acquired_by: this.acquiredBy,
      held_for_seconds: at === null ? null : this.clock.now() / 1000 - at,
    };
  }

  /**
   * Takes the lock within `timeout` seconds and resolves to a disposable hold.
   * @throws `DeadlineExceededError` when it is not acquired in time.
   */
  acquire(timeout?: number): Promise<AsyncLockHold>;
  /**
   * Takes the lock within `timeout` seconds, runs `fn` and releases it, whatever `fn` does.
   * @throws `DeadlineExceededError` when it is not acquired in time; `fn`'s own error.
   */
  acquire<T>(timeout: number, fn: () => T | PromiseLike<T>): Promise<Awaited<T>>;
  async acquire<T>(timeout = 30.0, fn?: () => T | PromiseLike<T>): Promise<AsyncLockHold | Awaited<T>> {
    if (fn !== undefined && typeof fn !== 'function')
      throw new RelConfigError([{ path: 'fn', received: fn, expected: 'a function' }], 'AsyncLock.acquire');
    if (!(await this.acquireWithTimeout(timeout))) {
      throw new DeadlineExceededError(`AsyncLock(${this.name}): not acquired within ${timeout} s`, {
        service: `AsyncLock(${this.name})`,
        deadlineMs: timeout * 1000,
      });
    }
    const hold = this.hold();
    if (fn === undefined) return hold;
    try {
      return await fn();
    } finally {
      hold.release();
    }
  }

  private hold(): AsyncLockHold {
    let held = true;
    const release = (): void => {
      if (!held) return;
      held = false;
      this.release();
    };
    return {
      release,
      [Symbol.dispose]: release,
      [Symbol.asyncDispose]: () => Promise.resolve(release()),
    };
  }
}
