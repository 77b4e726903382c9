import { InvalidStateError, RelConfigError, RelValidationError } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import fc from 'fast-check';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { EventDispatcher, type AgentEventInput } from './dispatcher.js';
import type { AgentEvent } from './envelope.js';
import { MemoryEventSink } from './memory-sink.js';
import type { EventSink } from './sink.js';

const thinking = (user: string, run = 'r1'): AgentEventInput => ({
  type: 'agent_thinking',
  run_id: run,
  user_id: user,
  agent_name: 'triage',
  payload: { status: 'thinking', reasoning: 'reading the ticket' },
});

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: 'debug' },
    { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) },
  );
  return { lines, logger };
}

describe('EventDispatcher', () => {
  it('numbers events per user: 1, 2, 3 ... with no gaps, across runs', () => {
    const sink = new MemoryEventSink();
    const events = new EventDispatcher({ sinks: [sink], clock: new FakeClock() });
    events.emit(thinking('alice', 'r1'));
    events.emit(thinking('bob', 'r2'));
    events.emit(thinking('alice', 'r3'));
    events.emit(thinking('alice', 'r1'));
    expect(sink.forUser('alice').map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(sink.forUser('bob').map((e) => e.seq)).toEqual([1]);
    expect(events.headSeq('alice')).toBe(3);
    expect(events.headSeq('carol')).toBe(0);
  });

  it('stamps events with the ISO time of its clock, unless a timestamp is given', () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    const events = new EventDispatcher({ clock });
    expect(events.emit(thinking('u')).timestamp).toBe('2026-01-02T03:04:05.678Z');
    expect(events.emit({ ...thinking('u'), timestamp: '2025-12-31T23:59:59.000Z' }).timestamp).toBe(
      '2025-12-31T23:59:59.000Z',
    );
  });

  it('throws RelValidationError (REL_INVALID_EVENT) naming each bad field; an invalid event takes no seq', () => {
    const sink = new MemoryEventSink();
    const events = new EventDispatcher({ sinks: [sink], clock: new FakeClock() });
    events.emit(thinking('alice'));
    const bad = {
      ...thinking('alice'),
      payload: { status: 'thinking', reasoning: 42, step_number: -1 },
    } as unknown as AgentEventInput;
    let error: unknown;
    try {
      events.emit(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RelValidationError);
    expect(error).toMatchObject({ code: 'REL_INVALID_EVENT' });
    const paths = (error as RelValidationError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['payload.reasoning', 'payload.step_number']));
    expect(() => events.emit({ ...thinking('alice'), user_id: '' })).toThrow(/user_id/);
    expect(() =>
      events.emit({ ...thinking('alice'), type: 'agent_dancing' } as unknown as AgentEventInput),
    ).toThrow(RelValidationError);
    events.emit(thinking('alice'));
    expect(sink.forUser('alice').map((e) => e.seq)).toEqual([1, 2]);
    expect(events.stats()).toMatchObject({ emitted: 2, invalid: 3 });
  });

  it('isolates a sink that throws: the emitter returns normally, the others still get every event', () => {
    const { lines, logger } = capture();
    const good = new MemoryEventSink({ name: 'good' });
    const broken: EventSink = {
      name: 'broken',
      send: () => {
        throw new Error('socket gone');
      },
    };
    const events = new EventDispatcher({ sinks: [broken, good], logger, clock: new FakeClock() });
    for (let i = 0; i < 5; i++) expect(events.emit(thinking('u')).seq).toBe(i + 1);
    expect(good.events).toHaveLength(5);
    expect(events.stats().sinks).toEqual([
      { name: 'broken', sent: 5, failed: 5, pending: 0, lastError: 'socket gone' },
      { name: 'good', sent: 5, failed: 0, pending: 0 },
    ]);
    // Logged, but rate-limited: one line per sink per 10 s.
    const failures = lines.filter((l) => l.sink === 'broken');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 40, suppressed: 0, err: { message: 'socket gone' } });
  });

  it('reports how many failures were held back when it logs again', async () => {
    const { lines, logger } = capture();
    const clock = new FakeClock();
    const events = new EventDispatcher({
      sinks: [{ name: 'flaky', send: () => Promise.reject(new Error('nope')) }],
      logger,
      clock,
    });
    for (let i = 0; i < 4; i++) events.emit(thinking('u'));
    await clock.flush();
    await clock.advance(10_000);
    events.emit(thinking('u'));
    await clock.flush();
    expect(lines.filter((l) => l.sink === 'flaky').map((l) => l.suppressed)).toEqual([0, 3]);
    expect(events.stats().sinks[0]).toMatchObject({ sent: 5, failed: 5, pending: 0 });
  });

  it('never waits for a sink whose promise never settles (it shows as pending)', () => {
    const stuck: EventSink = { name: 'stuck', send: () => new Promise<void>(() => undefined) };
    const events = new EventDispatcher({ sinks: [stuck], clock: new FakeClock() });
    for (let i = 0; i < 3; i++) events.emit(thinking('u'));
    expect(events.stats().sinks[0]).toMatchObject({ sent: 3, failed: 0, pending: 3 });
  });

  it('delivers in seq order to every sink even when a sink emits from inside send', () => {
    const seen: Record<string, number[]> = { a: [], b: [] };
    const events = new EventDispatcher({ clock: new FakeClock() });
    let echoed = false;
    events.addSink({
      name: 'a',
      send: (e) => {
        seen.a!.push(e.seq);
        if (!echoed) {
          echoed = true;
          events.emit(thinking(e.user_id));
        }
      },
    });
    events.addSink({ name: 'b', send: (e) => void seen.b!.push(e.seq) });
    events.emit(thinking('u'));
    expect(seen).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('adds and removes sinks; rejects something that is not a sink', () => {
    const events = new EventDispatcher({ clock: new FakeClock() });
    const sink = new MemoryEventSink();
    const sub = events.addSink(sink);
    events.emit(thinking('u'));
    sub.dispose();
    events.emit(thinking('u'));
    expect(sink.events.map((e: AgentEvent) => e.seq)).toEqual([1]);
    expect(() => events.addSink({ send: () => undefined } as unknown as EventSink)).toThrow(RelConfigError);
    expect(() => new EventDispatcher({ sinks: [{}] as unknown as EventSink[] })).toThrow(/sinks\[0\]/);
  });

  it('close() closes every sink (a failing close does not stop the others) and refuses later events', async () => {
    const { lines, logger } = capture();
    const closed: string[] = [];
    const events = new EventDispatcher({
      logger,
      clock: new FakeClock(),
      sinks: [
        { name: 'a', send: () => undefined, close: () => Promise.reject(new Error('close failed')) },
        { name: 'b', send: () => undefined, close: () => Promise.resolve(void closed.push('b')) },
      ],
    });
    await events.close();
    await events.close(); // idempotent
    expect(closed).toEqual(['b']);
    expect(lines.some((l) => l.sink === 'a' && l.msg === 'closing an event sink failed')).toBe(true);
    expect(() => events.emit(thinking('u'))).toThrow(InvalidStateError);
  });

  it('property: whatever the mix of users and invalid events, each user sees 1..n with no gap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ user: fc.constantFrom('a', 'b', 'c'), valid: fc.boolean() }), { maxLength: 60 }),
        (steps) => {
          const sink = new MemoryEventSink();
          const events = new EventDispatcher({ sinks: [sink], clock: new FakeClock() });
          const expected: Record<string, number> = {};
          for (const { user, valid } of steps) {
            const input = valid
              ? thinking(user)
              : ({ ...thinking(user), payload: {} } as unknown as AgentEventInput);
            if (valid) {
              expected[user] = (expected[user] ?? 0) + 1;
              expect(events.emit(input).seq).toBe(expected[user]);
            } else expect(() => events.emit(input)).toThrow(RelValidationError);
          }
          for (const user of ['a', 'b', 'c']) {
            const seqs = sink.forUser(user).map((e) => e.seq);
            expect(seqs).toEqual(Array.from({ length: expected[user] ?? 0 }, (_, i) => i + 1));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
