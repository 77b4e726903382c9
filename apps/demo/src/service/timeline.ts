import { systemClock, type Clock, type TimerHandle } from '@rel/config';

/** Running totals the timeline samples. */
export interface TimelineTotals {
  /** Logical calls the agents made. */
  readonly calls: number;
  /** Retries (invocations after the first of a call). */
  readonly retries: number;
  /** Requests the upstream received. */
  readonly upstream: number;
}

/** One interval of the timeline: what happened during it (not running totals). */
export interface TimelineSample extends TimelineTotals {
  /** Clock time (ms) at the end of the interval. */
  readonly t: number;
}

/** Options of {@link Timeline}. */
export interface TimelineOptions {
  /** @defaultValue systemClock */
  readonly clock?: Clock;
  /** Sampling interval (ms). @defaultValue 1000 */
  readonly intervalMs?: number;
  /** Samples kept. @defaultValue 180 */
  readonly size?: number;
}

/**
 * Samples running totals at a fixed interval and keeps the per-interval differences: the
 * series behind the page's chart of requests, retries and upstream load. One timer at a
 * time (re-armed after each sample); `stop()` clears it, so nothing keeps the process alive.
 *
 * @example
 * ```ts
 * const timeline = new Timeline(() => ({ calls, retries, upstream }));
 * timeline.start();
 * timeline.samples(); // [{ t, calls: 4, retries: 1, upstream: 5 }, ...]
 * ```
 */
export class Timeline {
  private readonly clock: Clock;
  private readonly intervalMs: number;
  private readonly size: number;
  private readonly kept: TimelineSample[] = [];
  private last: TimelineTotals | undefined;
  private timer: TimerHandle;
  private armed = false;
  private readonly read: () => TimelineTotals;

  constructor(read: () => TimelineTotals, options: TimelineOptions = {}) {
    this.read = read;
    this.clock = options.clock ?? systemClock;
    this.intervalMs = options.intervalMs ?? 1_000;
    this.size = options.size ?? 180;
  }

  /** Starts sampling (no-op when started). */
  start(): void {
    if (this.armed) return;
    this.armed = true;
    this.last = this.read();
    this.arm();
  }

  /** Stops sampling; the samples stay. */
  stop(): void {
    if (this.armed) this.clock.clearTimeout(this.timer);
    this.armed = false;
  }

  /** Takes a sample now (the timer does this every interval). */
  sample(): TimelineSample {
    const now = this.read();
    const before = this.last ?? now;
    const sample = {
      t: this.clock.now(),
      calls: now.calls - before.calls,
      retries: now.retries - before.retries,
      upstream: now.upstream - before.upstream,
    };
    this.last = now;
    if (this.kept.length >= this.size) this.kept.shift();
    this.kept.push(sample);
    return sample;
  }

  /** The kept samples, oldest first. */
  samples(): TimelineSample[] {
    return [...this.kept];
  }

  private arm(): void {
    this.timer = this.clock.setTimeout(() => {
      this.sample();
      this.arm();
    }, this.intervalMs);
  }
}
