import {
  parseCircuitBreakerConfig,
  type CircuitBreakerConfig,
  type Disposable,
  type OutcomeKind,
} from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnifiedCircuitBreaker } from './breaker.js';
import type { CircuitStateChange } from './events.js';
import { ReferenceBreaker, type HeldCall } from '../test/reference-model.js';

interface Model {
  readonly ref: ReferenceBreaker;
  readonly held: HeldCall[];
  handles: number;
  releases: number;
  refusals: number;
}

interface Real {
  readonly breaker: UnifiedCircuitBreaker;
  readonly clock: FakeClock;
  readonly held: number[];
  readonly handles: Disposable[];
  readonly events: CircuitStateChange[];
}

type Cmd = fc.Command<Model, Real>;

/** The transitions the design allows, with the reasons each may carry. */
const ALLOWED: Record<string, readonly string[]> = {
  'closed>open': ['failure_threshold', 'failure_rate', 'slow_call_rate'],
  'open>half_open': ['open_elapsed'],
  'half_open>open': ['probe_failed', 'probe_slow', 'probe_lease_expired'],
  'half_open>closed': ['probes_succeeded', 'reset'],
  'open>closed': ['reset'],
};

function legal(e: CircuitStateChange): boolean {
  if (e.to === 'isolated') return e.reason === 'isolated';
  if (e.from === 'isolated') return e.reason === 'isolation_ended';
  if (e.to === 'disabled') return e.reason === 'disabled';
  if (e.from === 'disabled') return e.to === 'closed' && (e.reason === 'enabled' || e.reason === 'reset');
  return ALLOWED[`${e.from}>${e.to}`]?.includes(e.reason) ?? false;
}

/** After every command: the breaker agrees with the model, and its status adds up. */
function compare(m: Model, r: Real): void {
  const status = r.breaker.status();
  expect(status.state).toBe(m.ref.visible);
  expect(r.breaker.retryAfterMs()).toBe(m.ref.retryAfterMs());
  expect(status.totalCalls).toBe(m.releases);
  expect(status.successfulCalls + status.failedCalls + status.ignoredCalls).toBe(status.totalCalls);
  expect(status.rejectedCalls).toBe(m.refusals);
  expect(status.opens).toBe(m.ref.opens);
  expect(status.consecutiveOpenings).toBe(m.ref.openings);
  expect(status.probesInFlight).toBe(m.ref.st === 'half_open' ? m.ref.probes.length : 0);
  for (const value of [status.successRate, status.failureRate, status.slowCallRate, status.rejectionRate]) {
    expect(value >= 0 && value <= 1).toBe(true);
  }
  let previous = 'closed';
  for (const e of r.events) {
    expect(e.from, `event chain at ${JSON.stringify(e)}`).toBe(previous);
    expect(legal(e), `forbidden transition ${JSON.stringify(e)}`).toBe(true);
    previous = e.to;
  }
}

const kinds = fc.constantFrom<OutcomeKind>(
  'success',
  'success',
  'success',
  'transient',
  'transient',
  'timeout',
  'cancelled',
  'permanent',
);
const durations = fc.constantFrom(1, 1, 500);

const cmd = (name: string, run: (m: Model, r: Real) => void): Cmd => ({
  check: () => true,
  run: (m, r) => {
    run(m, r);
    compare(m, r);
  },
  toString: () => name,
});

const call = fc.tuple(kinds, durations).map(([kind, ms]) =>
  cmd(`call(${kind}, ${ms})`, (m, r) => {
    const expected = m.ref.admit();
    const token = r.breaker.tryAcquire();
    expect(token >= 0).toBe(expected !== undefined);
    if (expected === undefined) return void m.refusals++;
    m.ref.report(expected, kind, ms);
    r.breaker.release(token, kind, ms);
    m.releases++;
  }),
);

const hold = fc.constant(
  cmd('hold', (m, r) => {
    const expected = m.ref.admit();
    const token = r.breaker.tryAcquire();
    expect(token >= 0).toBe(expected !== undefined);
    if (expected === undefined) return void m.refusals++;
    m.held.push(expected);
    r.held.push(token);
  }),
);

const releaseHeld = fc.tuple(fc.nat(), kinds, durations).map(([i, kind, ms]) =>
  cmd(`releaseHeld(${i}, ${kind}, ${ms})`, (m, r) => {
    if (m.held.length === 0) return;
    const index = i % m.held.length;
    m.ref.report(m.held.splice(index, 1)[0]!, kind, ms);
    r.breaker.release(r.held.splice(index, 1)[0]!, kind, ms);
    m.releases++;
  }),
);

const advance = fc.integer({ min: 1, max: 3_000 }).map((ms) =>
  cmd(`advance(${ms})`, (m, r) => {
    m.ref.now += ms;
    r.clock.timers.tick(ms);
  }),
);

const isolate = fc.constant(
  cmd('isolate', (m, r) => {
    m.ref.isolate();
    m.handles++;
    r.handles.push(r.breaker.isolate());
  }),
);

const dispose = fc.nat().map((i) =>
  cmd(`dispose(${i})`, (m, r) => {
    if (m.handles === 0) return;
    m.ref.dispose();
    m.handles--;
    r.handles.splice(i % r.handles.length, 1)[0]!.dispose();
  }),
);

// Weighted so that runs reach every state often: mostly calls and clock advances, now and
// then a manual control (each of which tends to undo progress).
const commands = [
  fc.oneof(
    { arbitrary: call, weight: 12 },
    { arbitrary: hold, weight: 2 },
    { arbitrary: releaseHeld, weight: 3 },
    { arbitrary: advance, weight: 5 },
    { arbitrary: isolate, weight: 1 },
    { arbitrary: dispose, weight: 2 },
    { arbitrary: fc.constant(cmd('reset', (m, r) => (m.ref.reset(), r.breaker.reset()))), weight: 1 },
    { arbitrary: fc.constant(cmd('disable', (m, r) => (m.ref.disable(), r.breaker.disable()))), weight: 1 },
    { arbitrary: fc.constant(cmd('enable', (m, r) => (m.ref.enable(), r.breaker.enable()))), weight: 2 },
  ),
];

const configs = fc
  .record({
    strategy: fc.constantFrom('consecutive', 'count', 'time', 'slow_call'),
    failureThreshold: fc.integer({ min: 1, max: 4 }),
    failureRateThreshold: fc.constantFrom(0.25, 0.5, 1),
    windowSize: fc.integer({ min: 2, max: 8 }),
    windowMs: fc.constantFrom(2_000, 10_000),
    minimumThroughput: fc.integer({ min: 1, max: 4 }),
    slowCallMs: fc.constant(100),
    slowCallRateThreshold: fc.constantFrom(0.5, 1),
    openMs: fc.integer({ min: 100, max: 2_000 }),
    openBackoffMultiplier: fc.constantFrom(1, 1.5, 2),
    maxOpenMs: fc.integer({ min: 2_000, max: 8_000 }),
    openJitter: fc.constant(0),
    halfOpenMaxProbes: fc.integer({ min: 1, max: 3 }),
    successThreshold: fc.integer({ min: 1, max: 3 }),
    failureKinds: fc.constantFrom<OutcomeKind[][]>(['transient', 'timeout'], ['transient']),
  })
  .map((c): CircuitBreakerConfig =>
    parseCircuitBreakerConfig({
      ...c,
      minimumThroughput: Math.min(c.minimumThroughput, c.windowSize),
    } as never),
  );

describe('UnifiedCircuitBreaker against a reference model', () => {
  it('agrees with the model on every step, only makes allowed transitions, and can always get back to closed', () => {
    fc.assert(
      fc.property(
        configs,
        fc.integer({ min: 100, max: 2_000 }),
        fc.commands(commands, { maxCommands: 100, size: 'max' }),
        (config, leaseMs, cmds) => {
          const clock = new FakeClock();
          const breaker = new UnifiedCircuitBreaker('model', config, { clock, probeLeaseMs: leaseMs });
          const real: Real = { breaker, clock, held: [], handles: [], events: [] };
          breaker.onStateChange((e) => real.events.push(e));
          const ref = new ReferenceBreaker(config, leaseMs);
          ref.now = clock.now();
          fc.modelRun(() => ({ model: { ref, held: [], handles: 0, releases: 0, refusals: 0 }, real }), cmds);

          // Way back to closed from wherever the run ended: drop isolations, switch back
          // on, then wait as told and send successful probes.
          for (const handle of real.handles) handle.dispose();
          breaker.enable();
          for (let step = 0; step < 20 && breaker.state !== 'closed'; step++) {
            const wait = breaker.retryAfterMs();
            expect(Number.isFinite(wait)).toBe(true);
            clock.timers.tick(Math.ceil(wait));
            const token = breaker.tryAcquire();
            if (token >= 0) breaker.release(token, 'success', 1);
          }
          expect(breaker.state).toBe('closed');
        },
      ),
      { numRuns: 250 },
    );
  });
});
