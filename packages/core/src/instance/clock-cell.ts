import { systemClock, type Clock, type TimerHandle } from '@rel/config';

/**
 * The manager's clock, shared by every retry engine, breaker and health tracker it
 * builds, with one trick: it remembers its last reading, and while `pinned` it answers
 * with that reading instead of reading again.
 *
 * Why: an attempt's outcome reaches health through the admission gate's `release`, which
 * the retry engine calls right after reading the clock for the attempt's duration. The
 * health tracker would read the clock again (30-120 ns on a VM, a tenth of a whole call);
 * pinned, it gets the engine's reading of that same instant. Only `release` pins, and only
 * around the synchronous `record`; every other read is a real one.
 *
 * With `systemClock` the reading is `performance.timeOrigin + performance.now()` with the
 * origin read once (`timeOrigin` is a constant whose getter costs ~15 ns).
 * @internal
 */
export class ClockCell implements Clock {
  /** The last reading (clock ms). */
  last = 0;
  /** While true, `now()` returns {@link ClockCell.last}. */
  pinned = false;
  /** The clock it reads (the manager's). */
  readonly source: Clock;
  /** Whether the source is `systemClock` (read inline). */
  private readonly system: boolean;
  private readonly origin: number;

  constructor(source: Clock) {
    this.source = source;
    this.system = source === systemClock;
    this.origin = performance.timeOrigin;
    this.last = this.now();
  }

  now(): number {
    if (this.pinned) return this.last;
    // Inlined rather than a stored closure: this runs twice per call.
    return (this.last = this.system ? this.origin + performance.now() : this.source.now());
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    return this.source.setTimeout(callback, ms);
  }

  clearTimeout(handle: TimerHandle): void {
    this.source.clearTimeout(handle);
  }
}
