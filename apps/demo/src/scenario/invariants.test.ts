import { describe, expect, it } from 'vitest';
import { budgetBound, checkDemonstrated, checkInvariants } from './invariants.js';
import type { ScenarioReport, ServiceReport, UserReport } from './scenario-report.js';

const user = (over: Partial<UserReport> = {}): UserReport => ({
  userId: 'alice',
  sent: 10,
  headSeq: 10,
  ledgerDropped: 0,
  received: 10,
  lost: [],
  lostCount: 0,
  duplicates: 0,
  gaps: 0,
  mismatched: 0,
  crossUser: 0,
  foreignRuns: 0,
  runs: { started: 2, completed: 2, failed: 0 },
  unterminatedRuns: 0,
  byType: {},
  resyncs: 0,
  reconnects: 0,
  ...over,
});

const service = (over: Partial<ServiceReport> = {}): ServiceReport => ({
  name: 'openai',
  kind: 'canonical',
  configured: true,
  calls: 100,
  attempts: 120,
  retries: 20,
  budgetRefusals: 3,
  fallbacks: 5,
  demoAttempts: 120,
  upstreamRequests: 120,
  breaker: 'closed',
  transitions: [
    { from: 'closed', to: 'open', reason: 'failure_rate', phase: 'outage', atMs: 1 },
    { from: 'open', to: 'half_open', reason: 'open_elapsed', phase: 'recovery', atMs: 2 },
    { from: 'half_open', to: 'closed', reason: 'probes_succeeded', phase: 'recovery', atMs: 3 },
  ],
  healthChanges: ['healthy', 'degraded [outage]', 'healthy [recovery]'],
  health: { status: 'healthy', score: 0.98 },
  budget: { ratio: 0.2, minRetriesPerSecond: 1 },
  ...over,
});

const report = (over: Partial<ScenarioReport> = {}): ScenarioReport => ({
  durationMs: 10_000,
  seed: 1,
  services: [service()],
  phases: [],
  upstream: { received: 120, byAnswer: {} },
  calls: 100,
  users: [user(), user({ userId: 'bob' })],
  agentsStopped: true,
  legacy: {
    service: 'legacy-summarizer',
    legacyScore: 1,
    migration: '',
    namesUsed: [],
    inHealthJson: true,
    inMetrics: true,
  },
  systemStatus: 'healthy',
  ...over,
});

const failed = (r: ScenarioReport): string[] =>
  checkInvariants(r)
    .filter((c) => !c.ok)
    .map((c) => c.id);

describe('checkInvariants', () => {
  it('all hold for a clean report', () => {
    expect(failed(report())).toEqual([]);
  });

  it('fail on a lost event, a cross-user event or a run that never ended, naming the user', () => {
    expect(
      failed(report({ users: [user({ lostCount: 1, lost: [7], received: 9 }), user({ userId: 'bob' })] })),
    ).toEqual(['events-complete:alice']);
    expect(failed(report({ users: [user(), user({ userId: 'bob', crossUser: 1 })] }))).toEqual([
      'events-isolated:bob',
    ]);
    expect(failed(report({ users: [user({ unterminatedRuns: 1 }), user({ userId: 'bob' })] }))).toEqual([
      'runs-ended:alice',
    ]);
    // Nothing sent at all proves nothing.
    expect(failed(report({ users: [user({ sent: 0, received: 0, headSeq: 0 })] }))).toEqual([
      'events-complete:alice',
    ]);
  });

  it('fail when the upstream, @rel and the operation disagree on attempts, or retries beat the budget', () => {
    expect(failed(report({ services: [service({ upstreamRequests: 119 })] }))).toEqual([
      'attempts-accounted:openai',
    ]);
    // 0.2 x 100 calls + 1/s x (10 s + 1) = 31 retries at most.
    expect(budgetBound(service(), 10_000)).toBeCloseTo(31);
    expect(failed(report({ services: [service({ retries: 32 })] }))).toEqual(['budget-bounded:openai']);
  });

  it('fail on a breaker not closed, a configured service not healthy, agents that did not stop, a hidden legacy instance', () => {
    expect(failed(report({ services: [service({ breaker: 'half_open' })] }))).toEqual(['breakers-closed']);
    expect(failed(report({ services: [service({ health: { status: 'degraded', score: 0.8 } })] }))).toEqual([
      'health-recovered',
    ]);
    // A service outside the config file (the legacy one) is not held to the config's windows.
    expect(
      failed(
        report({ services: [service({ configured: false, health: { status: 'degraded', score: 0.8 } })] }),
      ),
    ).toEqual([]);
    expect(failed(report({ agentsStopped: false }))).toEqual(['agents-stopped']);
    expect(failed(report({ legacy: { ...report().legacy, inMetrics: false } }))).toEqual(['legacy-visible']);
  });
});

describe('checkDemonstrated', () => {
  it('says what the scenario showed, and what it did not', () => {
    expect(checkDemonstrated(report()).every((c) => c.ok)).toBe(true);
    const quiet = checkDemonstrated(
      report({
        services: [service({ transitions: [], budgetRefusals: 0, fallbacks: 0, healthChanges: [] })],
      }),
    );
    expect(quiet.filter((c) => !c.ok).map((c) => c.id)).toEqual([
      'shown:breaker-opened',
      'shown:probe-closed',
      'shown:budget-refused',
      'shown:fallbacks',
      'shown:health-changed',
    ]);
  });
});
