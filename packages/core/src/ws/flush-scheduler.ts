/** Something with writes to batch: see {@link FlushScheduler}. */
export interface Flushable {
  /** Set while queued, so a reader is queued once however many events arrive. */
  queued: boolean;
  /** Writes everything pending, in one batch. */
  flush(): void;
}

/**
 * Batches socket writes: `send()` only marks the connections that have something new, and
 * one microtask, after the caller's synchronous code, writes each connection's pending
 * events with its socket corked, so a burst of N events costs each socket one `writev`
 * instead of N. The delay is the rest of the current tick, never a timer.
 *
 * A flush that throws is reported through `onError` and the others still run: nothing
 * thrown here may escape into the process as an uncaught exception.
 */
export class FlushScheduler {
  private queue: Flushable[] = [];
  private scheduled = false;
  private readonly onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.onError = onError;
  }

  /** Queues `target` for the next flush (once, however often it is called). */
  schedule(target: Flushable): void {
    if (target.queued) return;
    target.queued = true;
    this.queue.push(target);
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(this.run);
    }
  }

  /** Flushes everything queued now (also what `run` does on its microtask). */
  flushNow(): void {
    this.run();
  }

  private readonly run = (): void => {
    this.scheduled = false;
    const queue = this.queue;
    this.queue = [];
    for (const target of queue) {
      target.queued = false;
      try {
        target.flush();
      } catch (error) {
        this.onError(error);
      }
    }
  };
}
