import type { BulkheadConfig, Clock, TimerHandle } from '@rel/config';

/** How a wait for a bulkhead slot ended. */
export type BulkheadWait = 'admitted' | 'deadline' | 'cancelled';

/** Counters of a {@link Bulkhead}. */
export interface BulkheadStatus {
  readonly maxConcurrent: number;
  readonly maxQueue: number;
  /** Calls running now. */
  readonly active: number;
  /** Calls waiting for a slot now. */
  readonly queued: number;
  /** Calls refused since creation (every slot and queue place taken). */
  readonly rejected: number;
}

/** A queued caller: a node of the FIFO, and the abort listener of its signal. */
class Waiter {
  prev: Waiter | null = null;
  next: Waiter | null = null;
  timer: TimerHandle = undefined;
  signal: AbortSignal | undefined = undefined;
  readonly owner: Bulkhead;
  readonly resolve: (outcome: BulkheadWait) => void;

  constructor(owner: Bulkhead, resolve: (outcome: BulkheadWait) => void) {
    this.owner = owner;
    this.resolve = resolve;
  }

  handleEvent(): void {
    this.owner.leaveQueue(this, 'cancelled');
  }
}

/**
 * A concurrency limit with a bounded FIFO queue: at most `maxConcurrent` calls run at
 * once, at most `maxQueue` wait for a slot, and the rest are refused at once.
 *
 * Not cockatiel's `BulkheadPolicy`, because its queue does not fit a deadline pipeline:
 * a queued call whose signal aborts keeps its queue place and its caller waits until the
 * call reaches the head, a queued call cannot time out, dequeuing is `Array#shift`
 * (O(n)), and every admitted call goes through an `async` wrapper. Here a slot is taken
 * with one comparison (no promise when one is free), a waiter leaves the queue in O(1)
 * the moment its deadline passes or its signal aborts, and a freed slot passes straight
 * to the oldest waiter.
 *
 * @example
 * ```ts
 * const bulkhead = new Bulkhead({ maxConcurrent: 4, maxQueue: 16 }, clock);
 * if (!bulkhead.tryEnter()) {
 *   const r = bulkhead.queue(clock.now() + 5_000, signal);
 *   if (r === 'rejected' || (await r) !== 'admitted') return refuse();
 * }
 * try { return await op(); } finally { bulkhead.leave(); }
 * ```
 */
export class Bulkhead {
  readonly maxConcurrent: number;
  readonly maxQueue: number;
  private readonly clock: Clock;
  private active = 0;
  private queued = 0;
  private rejected = 0;
  private head: Waiter | null = null;
  private tail: Waiter | null = null;

  constructor(config: BulkheadConfig, clock: Clock) {
    this.maxConcurrent = config.maxConcurrent;
    this.maxQueue = config.maxQueue;
    this.clock = clock;
  }

  /** Takes a slot if one is free. */
  tryEnter(): boolean {
    if (this.active >= this.maxConcurrent) return false;
    this.active++;
    return true;
  }

  /**
   * Waits for a slot (call after `tryEnter()` returned false): `'rejected'` at once when the
   * queue is full, else a promise of how the wait ended. `'admitted'` means the caller
   * holds a slot and must `leave()`; on `'deadline'` (clock time `deadlineAt` passed) and
   * `'cancelled'` (the signal aborted) it holds nothing.
   */
  queue(deadlineAt: number, signal: AbortSignal | undefined): 'rejected' | Promise<BulkheadWait> {
    if (this.queued >= this.maxQueue) {
      this.rejected++;
      return 'rejected';
    }
    if (signal?.aborted === true) return Promise.resolve('cancelled');
    return new Promise<BulkheadWait>((resolve) => {
      const w = new Waiter(this, resolve);
      w.prev = this.tail;
      if (this.tail === null) this.head = w;
      else this.tail.next = w;
      this.tail = w;
      this.queued++;
      if (deadlineAt !== Infinity) {
        const wait = Math.max(0, Math.ceil(deadlineAt - this.clock.now()));
        w.timer = this.clock.setTimeout(() => this.leaveQueue(w, 'deadline'), wait);
      }
      if (signal !== undefined) {
        w.signal = signal;
        signal.addEventListener('abort', w);
      }
    });
  }

  /** Counts a refusal decided elsewhere (a full bulkhead seen without queueing). */
  countRejection(): void {
    this.rejected++;
  }

  /** Frees a slot: the oldest waiter gets it, or it becomes free. */
  leave(): void {
    const w = this.head;
    if (w === null) {
      if (this.active > 0) this.active--;
      return;
    }
    // The slot passes to the waiter as is: `active` does not change.
    this.unlink(w);
    w.resolve('admitted');
  }

  /** Takes a waiter out of the queue (deadline or cancellation). @internal */
  leaveQueue(w: Waiter, outcome: BulkheadWait): void {
    if (w.prev === null && this.head !== w) return; // already gone
    this.unlink(w);
    w.resolve(outcome);
  }

  /** Counters now. */
  status(): BulkheadStatus {
    return {
      maxConcurrent: this.maxConcurrent,
      maxQueue: this.maxQueue,
      active: this.active,
      queued: this.queued,
      rejected: this.rejected,
    };
  }

  private unlink(w: Waiter): void {
    if (w.prev === null) this.head = w.next;
    else w.prev.next = w.next;
    if (w.next === null) this.tail = w.prev;
    else w.next.prev = w.prev;
    w.prev = null;
    w.next = null;
    this.queued--;
    if (w.timer !== undefined) {
      this.clock.clearTimeout(w.timer);
      w.timer = undefined;
    }
    if (w.signal !== undefined) {
      w.signal.removeEventListener('abort', w);
      w.signal = undefined;
    }
  }
}
