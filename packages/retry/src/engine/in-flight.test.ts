import { FakeClock } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InFlightList, type InFlightNode } from './in-flight.js';

const T0 = 1_000_000;
const node = (timeoutAt: number, expired: number[]): InFlightNode => ({
  timeoutAt,
  prev: null,
  next: null,
  linked: false,
  expire: () => expired.push(timeoutAt),
});

describe('InFlightList', () => {
  it('expires nodes in deadline order with one timer, whatever the insertion order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.integer({ min: 1, max: 5_000 }), drop: fc.boolean() }), {
          maxLength: 40,
        }),
        async (items) => {
          const clock = new FakeClock(T0);
          const list = new InFlightList(clock);
          const expired: number[] = [];
          const nodes = items.map((i) => node(T0 + i.at, expired));
          nodes.forEach((n) => list.insert(n, T0));
          expect(clock.pendingTimers()).toBe(items.length > 0 ? 1 : 0);
          items.forEach((i, k) => i.drop && list.remove(nodes[k]!));
          expect(list.size).toBe(items.filter((i) => !i.drop).length);
          await clock.runAll();
          const kept = items.filter((i) => !i.drop).map((i) => T0 + i.at);
          expect(expired).toEqual([...kept].sort((a, b) => a - b));
          expect(list.size).toBe(0);
          expect(clock.pendingTimers()).toBe(0);
        },
      ),
    );
  });

  it('keeps deadline order (ties: first in, first out) through inserts, removals and re-inserts (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.record({ k: fc.nat(7), at: fc.integer({ min: 1, max: 50 }) }), { maxLength: 60 }),
        async (count, ops) => {
          const clock = new FakeClock(T0);
          const list = new InFlightList(clock);
          const expired: number[] = [];
          const nodes = Array.from({ length: count }, (_, id) => ({
            timeoutAt: 0,
            prev: null,
            next: null,
            linked: false,
            expire: () => expired.push(id),
          })) as InFlightNode[];
          // The model: linked ids with their deadline, in insertion order.
          let model: { id: number; at: number }[] = [];
          for (const { k, at } of ops) {
            const id = k % count;
            const n = nodes[id]!;
            if (n.linked) {
              list.remove(n);
              model = model.filter((m) => m.id !== id);
            } else {
              n.timeoutAt = T0 + at; // a call reuses its node with a new limit per attempt
              list.insert(n, T0);
              model.push({ id, at });
            }
          }
          expect(list.size).toBe(model.length);
          await clock.runAll();
          // Array.prototype.sort is stable: equal deadlines keep insertion order.
          expect(expired).toEqual([...model].sort((a, b) => a.at - b.at).map((m) => m.id));
          expect(nodes.every((n) => !n.linked && n.prev === null && n.next === null)).toBe(true);
        },
      ),
    );
  });

  it('re-arms earlier for a node with an earlier limit, and removal is O(1) and idempotent', async () => {
    const clock = new FakeClock(T0);
    const list = new InFlightList(clock);
    const expired: number[] = [];
    const late = node(T0 + 1_000, expired);
    const early = node(T0 + 100, expired);
    list.insert(late, T0);
    list.insert(early, T0);
    expect(clock.pendingTimers()).toBe(1);
    await clock.advance(100);
    expect(expired).toEqual([T0 + 100]);
    list.remove(late);
    list.remove(late);
    expect(list.size).toBe(0);
    list.disarmIfEmpty();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('disarmIfEmpty keeps the timer while something is in flight', () => {
    const clock = new FakeClock(T0);
    const list = new InFlightList(clock);
    list.insert(node(T0 + 10, []), T0);
    list.disarmIfEmpty();
    expect(clock.pendingTimers()).toBe(1);
  });
});
