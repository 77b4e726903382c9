// The optimistic-concurrency contention model of Brooker's "Exponential Backoff And Jitter"
// (AWS Architecture Blog, 2015), written from its description: N clients each update one
// row once. An update is read-then-conditional-write; the write succeeds only if nobody
// wrote since the read. A failed client backs off, then reads again. Every message crosses
// a network with delay |N(10 ms, 2 ms)|. The model counts writes ("calls") and the time
// at which the last client succeeds.
import type { Random } from '@rel/config';

/** A backoff under test: the wait (ms) after the `failures`-th failed write of one client. */
export type BackoffFn = (failures: number) => number;

/** Result of one run. */
export interface OccRun {
  /** Writes that reached the row. */
  readonly calls: number;
  /** When the last client finished (ms). */
  readonly completionMs: number;
}

interface Event {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
}

/** A standard normal draw from two uniforms (Box-Muller). */
function normal(random: Random): number {
  const u = 1 - random(); // (0, 1]
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Runs the model once. `makeBackoff` is called once per client (decorrelated schemes keep
 * per-client state). Event order is by time, then by scheduling order.
 */
export function runOcc(clients: number, makeBackoff: () => BackoffFn, random: Random): OccRun {
  const queue: Event[] = [];
  let seq = 0;
  const schedule = (at: number, run: () => void): void => {
    // Insertion into a sorted array is fine at these sizes (a few thousand events).
    const event = { at, seq: seq++, run };
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = queue[mid]!;
      if (e.at < at || (e.at === at && e.seq < event.seq)) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, event);
  };
  const net = (): number => Math.abs(10 + 2 * normal(random));

  let version = 0;
  let calls = 0;
  let now = 0;
  for (let c = 0; c < clients; c++) {
    const backoff = makeBackoff();
    let failures = 0;
    const read = (at: number): void =>
      schedule(at + net(), () => {
        const seen = version; // the server reads the row...
        schedule(now + net(), () => {
          // ...the client gets it and sends a conditional write.
          schedule(now + net(), () => {
            calls++;
            const ok = version === seen;
            if (ok) version++;
            schedule(now + net(), () => {
              if (ok) return; // done
              failures++;
              read(now + backoff(failures));
            });
          });
        });
      });
    read(0);
  }
  while (queue.length > 0) {
    const event = queue.shift()!;
    now = event.at;
    event.run();
  }
  return { calls, completionMs: now };
}
