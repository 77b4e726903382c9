import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeqTracker } from './seq-tracker.js';

describe('SeqTracker', () => {
  it('whatever mix of replays and duplicates arrives, each seq is accepted once, in increasing order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 200 }), (arrivals) => {
        const tracker = new SeqTracker();
        const accepted = arrivals.filter((seq) => tracker.accept(seq, false));
        for (let i = 1; i < accepted.length; i++) expect(accepted[i]!).toBeGreaterThan(accepted[i - 1]!);
        expect(tracker.accepted + tracker.duplicates).toBe(arrivals.length);
        expect(tracker.lastSeq).toBe(accepted.at(-1));
      }),
      { seed: 11 },
    );
  });

  it('a reconnect that replays from lastSeq + 1 yields the stream exactly once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 5 }),
        (total, cuts) => {
          const tracker = new SeqTracker(0);
          const seen: number[] = [];
          let next = 1;
          for (const cut of [...cuts.sort((a, b) => a - b), total]) {
            // The server resends from the tracker's position; a cut may also redeliver a few.
            const from = Math.max(1, (tracker.lastSeq ?? 0) + 1 - (cut % 3));
            for (let seq = from; seq <= Math.min(cut, total); seq++)
              if (tracker.accept(seq, true)) seen.push(seq);
            next = Math.max(next, Math.min(cut, total) + 1);
          }
          expect(seen).toEqual(Array.from({ length: next - 1 }, (_, i) => i + 1));
          expect(tracker.gaps).toBe(0);
        },
      ),
      { seed: 12 },
    );
  });

  it('counts coalesced seqs as seen, and moves on resync', () => {
    const tracker = new SeqTracker(2);
    tracker.skip([3, 5]);
    expect(tracker.accept(4, true)).toBe(false); // 4 arrives after a marker for 5: already passed
    expect(tracker.lastSeq).toBe(5);
    expect(tracker.accept(6, true)).toBe(true);
    expect(tracker.coalesced).toBe(2);
    tracker.moveTo(0);
    expect(tracker.accept(1, true)).toBe(true);
    expect(tracker.accept(9, true)).toBe(true);
    expect(tracker.gaps).toBe(1);
  });
});
