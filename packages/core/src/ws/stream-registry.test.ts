import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BufferedEvent } from './replay-buffer.js';
import { StreamRegistry } from './stream-registry.js';
import { ThreadOwnership } from './thread-ownership.js';

const LIMITS = { maxEvents: 10, maxBytes: 1_000_000, maxAgeMs: 1_000, maxTotalBytes: 10_000_000 };

describe('StreamRegistry', () => {
  it('drops idle, empty, unread streams and remembers their head for a later resume', () => {
    const registry = new StreamRegistry(LIMITS);
    const stream = registry.open('u', 0);
    stream.append(
      {
        seq: 7,
        data: Buffer.from('{}'),
        at: 0,
        runId: 'r',
        threadId: undefined,
        coalesceKey: undefined,
        supersededBy: 0,
        cumulativeBytes: 2,
      },
      'first',
    );
    registry.sweep(500);
    expect(registry.size).toBe(1); // events still young
    registry.sweep(1_000);
    expect(registry.totals()).toEqual({ users: 0, bufferedEvents: 0, bufferedBytes: 0 });
    const again = registry.open('u', 2_000);
    expect(again).not.toBe(stream);
    expect(again.headSeq).toBe(7);
    expect(again.check(8)).toBe('next');
    expect(again.position(7, 7)).toEqual({ nextSeq: 8 }); // nothing was missed
  });

  it('keeps a stream that has readers', () => {
    const registry = new StreamRegistry(LIMITS);
    registry.open('u', 0).readers.add({
      nextSeq: 1,
      streaming: false,
      lost: () => 0,
      startAt: () => 0,
      gap: () => 0,
      offer: () => 0,
    });
    registry.sweep(10_000);
    expect(registry.size).toBe(1);
  });
});

describe('ThreadOwnership', () => {
  it('keeps the first owner, reports conflicts, and forgets the oldest beyond capacity', () => {
    const owners = new ThreadOwnership(2);
    expect(owners.learn('t1', 'a')).toBeUndefined();
    expect(owners.learn('t1', 'a')).toBeUndefined();
    expect(owners.learn('t1', 'b')).toBe('a');
    owners.learn('t2', 'b');
    owners.learn('t3', 'c');
    expect(owners.ownerOf('t1')).toBeUndefined();
    expect([owners.ownerOf('t2'), owners.ownerOf('t3'), owners.size]).toEqual(['b', 'c', 2]);
  });
});

describe('StreamRegistry total bound (replay.maxTotalBytes)', () => {
  const event = (seq: number, bytes: number): BufferedEvent => ({
    seq,
    data: Buffer.alloc(bytes, 0x20),
    at: 0,
    runId: 'r',
    threadId: undefined,
    coalesceKey: undefined,
    supersededBy: 0,
    cumulativeBytes: 0,
  });
  const publish = (registry: StreamRegistry, user: string, bytes: number): number => {
    const stream = registry.open(user, 0);
    const seq = stream.headSeq + 1;
    stream.append(event(seq, bytes), stream.headSeq === 0 ? 'first' : 'next');
    return registry.enforceTotal();
  };

  it('trims the largest buffers first, down to one level, to 90% of the bound', () => {
    const registry = new StreamRegistry({
      maxEvents: 1_000,
      maxBytes: 10_000,
      maxAgeMs: 1_000,
      maxTotalBytes: 1_000,
    });
    for (let i = 0; i < 6; i++) publish(registry, 'a', 100);
    for (let i = 0; i < 3; i++) publish(registry, 'b', 100);
    expect(publish(registry, 'c', 100)).toBe(0); // exactly at the bound: nothing to do
    expect(registry.totalBytes).toBe(1_000);

    // a: 700, b: 300, c: 100 = 1,100 > 1,000. The level 500 brings the total to 900.
    expect(publish(registry, 'a', 100)).toBe(2);
    expect(registry.totalBytes).toBe(900);
    expect(['a', 'b', 'c'].map((u) => registry.get(u)!.buffer.byteSize)).toEqual([500, 300, 100]);
    expect(registry.get('a')!.buffer.oldest!.seq).toBe(3); // the oldest went first
    expect(registry.get('a')!.position(1, 7).resync?.reason).toBe('evicted');
  });

  it('property: the buffers stay within the bound (newest events aside) and the ledger is exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 5_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 400 })), {
          maxLength: 300,
        }),
        (maxTotalBytes, appends) => {
          const registry = new StreamRegistry({
            maxEvents: 50,
            maxBytes: 2_000,
            maxAgeMs: 1_000,
            maxTotalBytes: Math.max(maxTotalBytes, 2_000),
          });
          const max = Math.max(maxTotalBytes, 2_000);
          for (const [user, bytes] of appends) {
            publish(registry, `u${user}`, bytes);
            let sum = 0;
            let newest = 0;
            for (let u = 0; u < 8; u++) {
              const buffer = registry.get(`u${u}`)?.buffer;
              if (buffer === undefined) continue;
              sum += buffer.byteSize;
              newest += buffer.newest!.data.length;
            }
            expect(registry.totalBytes).toBe(sum);
            expect(registry.totals().bufferedBytes).toBe(sum);
            expect(sum).toBeLessThanOrEqual(Math.max(max, newest));
          }
        },
      ),
      { seed: 20261128, numRuns: 200 },
    );
  });
});
