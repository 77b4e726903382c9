import * as FakeTimers from '@sinonjs/fake-timers';
import type { Clock, TimerHandle } from '@rel/config';

/**
 * A {@link Clock} whose time only moves when a test moves it, built on
 * `@sinonjs/fake-timers` (the engine behind vitest's fake timers) without touching the
 * globals, so real sockets and real timers in the same test keep working.
 *
 * @example
 * ```ts
 * const clock = new FakeClock();
 * const done = handler.execute(op, { clock });
 * await clock.advance(1_000); // fires due timers, letting promises settle in between
 * ```
 */
export class FakeClock implements Clock {
  /** The underlying fake-timers clock, for anything this wrapper does not expose. */
  readonly timers: FakeTimers.Clock;

  constructor(start = 1_700_000_000_000) {
    this.timers = FakeTimers.createClock(start, 100_000);
  }

  now(): number {
    return this.timers.now;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    return this.timers.setTimeout(callback, ms);
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.clearTimeout(handle as FakeTimers.TimerId);
  }

  /** Moves time forward by `ms`, firing due timers in order and settling promises in between. */
  async advance(ms: number): Promise<void> {
    await this.timers.tickAsync(ms);
  }

  /** Lets pending promise callbacks run without moving time. */
  async flush(): Promise<void> {
    await this.timers.tickAsync(0);
  }

  /** Fires the next timer (moving time to it); returns false when none is pending. */
  async next(): Promise<boolean> {
    if (this.timers.countTimers() === 0) return false;
    await this.timers.nextAsync();
    return true;
  }

  /** Runs every timer, including ones scheduled while running, until none is left. */
  async runAll(): Promise<void> {
    await this.timers.runAllAsync();
  }

  /** Number of timers still scheduled (0 means nothing was left behind). */
  pendingTimers(): number {
    return this.timers.countTimers();
  }
}
