import { describe, expect, it } from 'vitest';
import { ProbeSlots } from './probe-slots.js';

describe('ProbeSlots', () => {
  it('admits up to size probes with fresh sequence numbers', () => {
    const slots = new ProbeSlots(2);
    expect([slots.acquire(100), slots.acquire(50), slots.acquire(10)]).toEqual([1, 2, 0]);
    expect(slots).toMatchObject({ inFlight: 2, earliest: 50 });
    expect(slots.release(2)).toBe(true);
    expect(slots.earliest).toBe(100);
    expect(slots.acquire(70)).toBe(3); // never reuses 2
    expect(slots.release(2)).toBe(false); // already released
    expect(slots.release(0)).toBe(false);
  });

  it('expires every lease that ended at or before now', () => {
    const slots = new ProbeSlots(3);
    slots.acquire(10);
    slots.acquire(20);
    slots.acquire(30);
    expect(slots.expire(9)).toBe(0);
    expect(slots.expire(20)).toBe(2);
    expect(slots).toMatchObject({ inFlight: 1, earliest: 30 });
    expect(slots.release(1)).toBe(false); // expired: a late report frees nothing
    expect(slots.release(3)).toBe(true);
    expect(slots.earliest).toBe(Infinity);
  });

  it('clear() frees everything and restarts the sequence', () => {
    const slots = new ProbeSlots(1);
    slots.acquire(5);
    slots.successes = 3;
    slots.clear();
    expect(slots).toMatchObject({ inFlight: 0, successes: 0, earliest: Infinity, exhausted: false });
    expect(slots.acquire(5)).toBe(1);
  });
});
