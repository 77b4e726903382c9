import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplayBuffer, type BufferedEvent } from './replay-buffer.js';

function entry(seq: number, bytes: number, at: number, cumulative: number): BufferedEvent {
  return {
    seq,
    data: Buffer.alloc(bytes),
    at,
    runId: 'r',
    threadId: undefined,
    coalesceKey: undefined,
    supersededBy: 0,
    cumulativeBytes: cumulative,
  };
}

type Op =
  { kind: 'append'; bytes: number; wait: number } | { kind: 'expire'; wait: number } | { kind: 'clear' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      bytes: fc.integer({ min: 1, max: 400 }),
      wait: fc.integer({ min: 0, max: 50 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('expire' as const), wait: fc.integer({ min: 0, max: 300 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
);

describe('ReplayBuffer', () => {
  it('matches a reference model: contiguous, bounded by count, bytes and age, evicting oldest first exactly once', () => {
    fc.assert(
      fc.property(
        fc.record({
          maxEvents: fc.integer({ min: 1, max: 40 }),
          maxBytes: fc.integer({ min: 1, max: 3_000 }),
          maxAgeMs: fc.integer({ min: 1, max: 500 }),
        }),
        fc.array(op, { maxLength: 200 }),
        (limits, ops) => {
          const evicted: number[] = [];
          const buffer = new ReplayBuffer(limits, (e) => evicted.push(e.seq));
          let model: BufferedEvent[] = [];
          let now = 0;
          let seq = 0;
          let cumulative = 0;
          const all: number[] = [];
          for (const o of ops) {
            if (o.kind === 'append') {
              now += o.wait;
              cumulative += o.bytes;
              const e = entry(++seq, o.bytes, now, cumulative);
              all.push(seq);
              buffer.append(e);
              model.push(e);
              while (model.length > limits.maxEvents) model.shift();
              while (model.length > 1 && model.reduce((n, x) => n + x.data.length, 0) > limits.maxBytes)
                model.shift();
            } else if (o.kind === 'expire') {
              now += o.wait;
              buffer.evictExpired(now);
              model = model.filter((x) => x.at > now - limits.maxAgeMs);
            } else {
              buffer.clear();
              model = [];
            }
            expect(buffer.size).toBe(model.length);
            expect(buffer.oldest?.seq).toBe(model[0]?.seq);
            expect(buffer.newest?.seq).toBe(model.at(-1)?.seq);
            expect(buffer.byteSize).toBe(model.reduce((n, x) => n + x.data.length, 0));
          }
          for (const e of model) expect(buffer.get(e.seq)).toBe(e);
          expect(buffer.get((model[0]?.seq ?? 1) - 1)).toBeUndefined();
          expect(buffer.get(seq + 1)).toBeUndefined();
          if (model.length > 0) {
            const from = model[Math.floor(model.length / 2)]!;
            const expected = model.filter((x) => x.seq >= from.seq).reduce((n, x) => n + x.data.length, 0);
            expect(buffer.bytesFrom(from.seq)).toBe(expected);
          }
          // Every appended event is either still buffered or was evicted once, in seq order.
          expect([...evicted, ...model.map((x) => x.seq)]).toEqual(all);
        },
      ),
      { seed: 20240501, numRuns: 300 },
    );
  });

  it('keeps the newest event even when it alone is over maxBytes', () => {
    const buffer = new ReplayBuffer({ maxEvents: 10, maxBytes: 100, maxAgeMs: 1_000 }, () => undefined);
    buffer.append(entry(1, 50, 0, 50));
    buffer.append(entry(2, 500, 0, 550));
    expect(buffer.size).toBe(1);
    expect(buffer.oldest?.seq).toBe(2);
    expect(buffer.bytesFrom(2)).toBe(500);
    expect(buffer.bytesFrom(3)).toBe(0);
  });
});
