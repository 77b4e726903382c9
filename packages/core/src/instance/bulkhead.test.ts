import { FakeClock } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bulkhead, type BulkheadWait } from './bulkhead.js';

describe('Bulkhead', () => {
  it('admits maxConcurrent at once, queues maxQueue, refuses the rest at once', () => {
    const b = new Bulkhead({ maxConcurrent: 2, maxQueue: 1 }, new FakeClock());
    expect(b.tryEnter()).toBe(true);
    expect(b.tryEnter()).toBe(true);
    expect(b.tryEnter()).toBe(false);
    const queued = b.queue(Infinity, undefined);
    expect(queued).toBeInstanceOf(Promise);
    expect(b.queue(Infinity, undefined)).toBe('rejected');
    expect(b.status()).toEqual({ maxConcurrent: 2, maxQueue: 1, active: 2, queued: 1, rejected: 1 });
  });

  it('passes a freed slot to the oldest waiter (FIFO)', async () => {
    const b = new Bulkhead({ maxConcurrent: 1, maxQueue: 3 }, new FakeClock());
    b.tryEnter();
    const order: string[] = [];
    const waits = ['a', 'b', 'c'].map((name) =>
      (b.queue(Infinity, undefined) as Promise<BulkheadWait>).then((r) => order.push(`${name}:${r}`)),
    );
    b.leave();
    await Promise.resolve();
    expect(b.status()).toMatchObject({ active: 1, queued: 2 });
    b.leave();
    b.leave();
    await Promise.all(waits);
    expect(order).toEqual(['a:admitted', 'b:admitted', 'c:admitted']);
    b.leave();
    expect(b.status()).toMatchObject({ active: 0, queued: 0 });
  });

  it('a waiter leaves the queue when its deadline passes, and its place is free again', async () => {
    const clock = new FakeClock();
    const b = new Bulkhead({ maxConcurrent: 1, maxQueue: 1 }, clock);
    b.tryEnter();
    const wait = b.queue(clock.now() + 500, undefined) as Promise<BulkheadWait>;
    await clock.advance(499);
    expect(b.status().queued).toBe(1);
    await clock.advance(1);
    await expect(wait).resolves.toBe('deadline');
    expect(b.status()).toMatchObject({ active: 1, queued: 0 });
    expect(b.queue(Infinity, undefined)).toBeInstanceOf(Promise);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a waiter leaves at once when its signal aborts (no timer, no listener left)', async () => {
    const clock = new FakeClock();
    const b = new Bulkhead({ maxConcurrent: 1, maxQueue: 2 }, clock);
    b.tryEnter();
    const controller = new AbortController();
    const first = b.queue(clock.now() + 10_000, controller.signal) as Promise<BulkheadWait>;
    const second = b.queue(Infinity, undefined) as Promise<BulkheadWait>;
    controller.abort();
    await expect(first).resolves.toBe('cancelled');
    expect(clock.pendingTimers()).toBe(0);
    b.leave();
    await expect(second).resolves.toBe('admitted');
    const aborted = AbortSignal.abort();
    await expect(b.queue(Infinity, aborted)).resolves.toBe('cancelled');
  });

  it('property: active never exceeds maxConcurrent, queued never exceeds maxQueue, and every admitted caller got a slot', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.constantFrom('enter', 'leave', 'abort'), { maxLength: 40 }),
        async (maxConcurrent, maxQueue, steps) => {
          const b = new Bulkhead({ maxConcurrent, maxQueue }, new FakeClock());
          let holding = 0;
          const controllers: AbortController[] = [];
          for (const step of steps) {
            if (step === 'enter') {
              if (b.tryEnter()) holding++;
              else {
                const c = new AbortController();
                const r = b.queue(Infinity, c.signal);
                if (r !== 'rejected') {
                  controllers.push(c);
                  void r.then((outcome) => {
                    if (outcome === 'admitted') holding++;
                  });
                }
              }
            } else if (step === 'leave' && holding > 0) {
              holding--;
              b.leave();
            } else if (step === 'abort') controllers.shift()?.abort();
            await Promise.resolve();
            const s = b.status();
            expect(s.active).toBeLessThanOrEqual(maxConcurrent);
            expect(s.queued).toBeLessThanOrEqual(maxQueue);
            expect(s.queued === 0 || s.active === maxConcurrent).toBe(true);
          }
          await Promise.resolve();
          expect(b.status().active).toBe(holding);
        },
      ),
      { numRuns: 200 },
    );
  });
});
