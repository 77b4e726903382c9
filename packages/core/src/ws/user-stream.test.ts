import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BufferedEvent } from './replay-buffer.js';
import { UserStream, type StreamReader } from './user-stream.js';

const LIMITS = { maxEvents: 5, maxBytes: 1_000_000, maxAgeMs: 60_000 };

function event(seq: number, coalesceKey?: string): BufferedEvent {
  return {
    seq,
    data: Buffer.from(`{"seq":${seq}}`),
    at: 0,
    runId: 'r',
    threadId: undefined,
    coalesceKey,
    supersededBy: 0,
    cumulativeBytes: seq * 10,
  };
}

function filled(from: number, to: number): UserStream {
  const stream = new UserStream('u', LIMITS, 0, from - 1);
  for (let seq = from; seq <= to; seq++) stream.append(event(seq), stream.check(seq) as 'next');
  return stream;
}

describe('UserStream', () => {
  it('classifies seqs: next, first of an unknown stream, stale, gap', () => {
    const fresh = new UserStream('u', LIMITS, 0);
    expect(fresh.check(57)).toBe('first');
    const s = filled(1, 3);
    expect([s.check(4), s.check(3), s.check(1), s.check(9)]).toEqual(['next', 'stale', 'stale', 'gap']);
  });

  it('positions a resume: replay, resync when evicted or ahead, live without last_seq', () => {
    const s = filled(1, 9); // buffer keeps 5..9
    expect(s.position(undefined, 9)).toEqual({ nextSeq: 10 });
    expect(s.position(9, 9)).toEqual({ nextSeq: 10 });
    expect(s.position(4, 9)).toEqual({ nextSeq: 5 });
    expect(s.position(3, 9).resync).toEqual({
      reason: 'evicted',
      requested_seq: 3,
      oldest_seq: 5,
      head_seq: 9,
      resume_from: 5,
    });
    expect(s.position(12, 9).resync).toMatchObject({ reason: 'ahead', resume_from: 5 });
    expect(new UserStream('u', LIMITS, 0).position(3, 0).resync).toMatchObject({
      reason: 'unknown',
      resume_from: 1,
    });
  });

  it('for any head, window and last_seq: replays exactly what is buffered, or says resync and where it goes on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 40 }),
        (start, length, last) => {
          const s = filled(start, start + length);
          const head = s.headSeq;
          const oldest = s.buffer.oldest!.seq;
          const p = s.position(last, head);
          if (last <= head && last + 1 >= oldest) {
            expect(p).toEqual({ nextSeq: last + 1 });
          } else {
            expect(p.resync?.resume_from).toBe(oldest);
            expect(p.nextSeq).toBe(oldest);
            // 'unknown': the missing seqs precede everything this server ever saw of the stream.
            const neverSeen = oldest === start;
            expect(p.resync?.reason).toBe(last > head ? 'ahead' : neverSeen ? 'unknown' : 'evicted');
          }
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });

  it('marks an older coalescible event superseded by a newer one of the same key, and forgets ended runs', () => {
    const s = filled(1, 1);
    const a = event(2, 'r\u0000agent_thinking');
    const b = event(3, 'r\u0000agent_thinking');
    s.append(a, 'next');
    s.append(b, 'next');
    expect(a.supersededBy).toBe(3);
    expect(b.supersededBy).toBe(0);
    s.endRun('r', ['agent_thinking']);
    const c = event(4, 'r\u0000agent_thinking');
    s.append(c, 'next');
    expect(b.supersededBy).toBe(0); // the run ended: nothing carries over
  });

  it('tells readers that fall out of the buffer, and moves readers past a gap first', () => {
    const s = filled(1, 5);
    const calls: string[] = [];
    const reader: StreamReader & { nextSeq: number } = {
      nextSeq: 2,
      streaming: true,
      lost: (e) => calls.push(`lost ${e.seq}`),
      startAt: (seq) => calls.push(`start ${seq}`),
      gap: (seq) => {
        calls.push(`gap ${seq}`);
        reader.nextSeq = seq;
      },
      offer: () => undefined,
    };
    s.readers.add(reader);
    s.append(event(6), 'next'); // evicts 1: fine, reader is at 2
    s.append(event(7), 'next'); // evicts 2: the reader needed it
    expect(calls).toEqual(['lost 2']);
    s.append(event(20), 'gap');
    expect(calls).toEqual(['lost 2', 'gap 20']);
    expect(s.buffer.size).toBe(1);
  });

  it('reports how far behind a reader is', () => {
    const s = filled(1, 5);
    expect(s.tooFarBehind(2, 0, { maxLagEvents: 3, maxLagBytes: 1e9, maxLagMs: 1e9 })).toBe(
      '4 events behind',
    );
    expect(s.tooFarBehind(4, 0, { maxLagEvents: 3, maxLagBytes: 1e9, maxLagMs: 1e9 })).toBeUndefined();
    expect(s.tooFarBehind(4, 100, { maxLagEvents: 3, maxLagBytes: 1e9, maxLagMs: 50 })).toBe('100 ms behind');
    expect(s.tooFarBehind(4, 0, { maxLagEvents: 3, maxLagBytes: 5, maxLagMs: 1e9 })).toMatch(/bytes behind/);
  });
});
