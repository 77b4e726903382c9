import { sleep } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock.js';
import { seededRandom, sequenceRandom } from './seeded-random.js';

describe('FakeClock', () => {
  it('moves only when advanced and fires timers in order', async () => {
    const clock = new FakeClock(0);
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(2), 200);
    clock.setTimeout(() => fired.push(1), 100);
    expect(clock.now()).toBe(0);
    await clock.advance(150);
    expect(fired).toEqual([1]);
    expect(clock.now()).toBe(150);
    await clock.advance(50);
    expect(fired).toEqual([1, 2]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('drives sleep() and cancels it through a signal without leaving a timer', async () => {
    const clock = new FakeClock(0);
    const controller = new AbortController();
    const slept = sleep(clock, 1_000, controller.signal);
    expect(clock.pendingTimers()).toBe(1);
    controller.abort(new Error('stop'));
    await expect(slept).rejects.toThrow('stop');
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('seededRandom', () => {
  it('is reproducible and in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('sequenceRandom cycles through its values', () => {
    const r = sequenceRandom([0.1, 0.9]);
    expect([r(), r(), r()]).toEqual([0.1, 0.9, 0.1]);
  });
});
