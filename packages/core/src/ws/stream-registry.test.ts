import { describe, expect, it } from 'vitest';
import { StreamRegistry } from './stream-registry.js';
import { ThreadOwnership } from './thread-ownership.js';

const LIMITS = { maxEvents: 10, maxBytes: 1_000_000, maxAgeMs: 1_000 };

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
