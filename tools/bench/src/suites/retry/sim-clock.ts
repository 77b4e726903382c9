// A discrete-event Clock for simulations: timers in a binary heap, time jumps from one
// timer to the next. FakeClock (sinon) scans every timer to find the next one, which is
// quadratic with the thousands of sleeping retries a load simulation holds.
import type { Clock, TimerHandle } from '@rel/config';

interface Timer {
  at: number;
  seq: number;
  callback: (() => void) | undefined;
}

const before = (a: Timer, b: Timer): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** A simulated clock: `run()` fires every timer in time order (FIFO for equal times). */
export class SimClock implements Clock {
  private time: number;
  private seq = 0;
  private readonly heap: Timer[] = [];
  private live = 0;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer: Timer = { at: this.time + Math.max(0, ms), seq: this.seq++, callback };
    this.push(timer);
    this.live++;
    return timer;
  }

  clearTimeout(handle: TimerHandle): void {
    const timer = handle as Timer | undefined;
    if (timer?.callback !== undefined) {
      timer.callback = undefined; // lazily dropped when it reaches the top
      this.live--;
    }
  }

  /** Timers still scheduled. */
  pending(): number {
    return this.live;
  }

  /** Fires timers in order until none is left (or `until` is passed); returns the final time. */
  run(until = Infinity): number {
    while (this.heap.length > 0 && this.heap[0]!.at <= until) {
      const timer = this.pop();
      if (timer.callback === undefined) continue;
      const callback = timer.callback;
      timer.callback = undefined;
      this.live--;
      this.time = timer.at;
      callback();
    }
    return this.time;
  }

  private push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Timer {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}
