import { describe, expect, it } from 'vitest';
import { stylist } from '../terminal/style.js';
import type { Check } from './invariants.js';
import { renderReport } from './render-report.js';
import type { ScenarioReport } from './scenario-report.js';

const report: ScenarioReport = {
  durationMs: 42_000,
  seed: 3,
  services: [
    {
      name: 'openai',
      kind: 'canonical',
      configured: true,
      calls: 200,
      attempts: 150,
      retries: 18,
      budgetRefusals: 6,
      fallbacks: 80,
      demoAttempts: 150,
      upstreamRequests: 150,
      breaker: 'closed',
      transitions: [
        { from: 'closed', to: 'open', reason: 'failure_rate', phase: 'outage', atMs: 24_400 },
        { from: 'open', to: 'half_open', reason: 'open_elapsed', phase: 'recovery', atMs: 34_000 },
        { from: 'half_open', to: 'closed', reason: 'probes_succeeded', phase: 'recovery', atMs: 34_100 },
      ],
      healthChanges: ['healthy', 'critical [outage]', 'healthy [recovery]'],
      health: { status: 'healthy', score: 0.96 },
      budget: { ratio: 0.2, minRetriesPerSecond: 1 },
    },
  ],
  phases: [
    {
      name: 'outage',
      fault: 'outage: every connection dropped',
      durationMs: 10_000,
      calls: 200,
      upstream: 30,
    },
  ],
  upstream: { received: 150, byAnswer: { '200': 120, '503': 30 } },
  calls: 200,
  users: [],
  agentsStopped: true,
  legacy: {
    service: 'legacy-summarizer',
    legacyScore: null,
    migration: '@rel/compat: 1 legacy name used',
    namesUsed: [],
    inHealthJson: true,
    inMetrics: true,
  },
  systemStatus: 'healthy',
};

describe('renderReport', () => {
  it('lays out services, transitions, amplification per phase and the verdict', () => {
    const ok: Check[] = [{ id: 'a', ok: true, text: 'alice: every sent seq received' }];
    const text = renderReport(report, ok, [], stylist(false));
    expect(text).toContain('@rel demo report: 42.0 s, seed 3');
    expect(text).toMatch(/openai +200 +150 +18 +6 +80 +closed +healthy 0\.96/);
    expect(text).toContain(
      'openai: closed → open [outage +24.4s, failure_rate] → half_open [recovery +34.0s, open_elapsed] → closed [recovery +34.1s, probes_succeeded]',
    );
    expect(text).toMatch(/outage +200 +30 +0\.15/);
    expect(text).toContain('answers: 200 x120, 503 x30');
    expect(text).toContain('✓ alice: every sent seq received');
    expect(text).toContain('All 1 invariants hold: exit 0');
  });

  it("sets the legacy penalty score beside @rel's score for the same calls", () => {
    const legacyService = { ...report.services[0]!, name: 'legacy-summarizer', kind: 'legacy' as const };
    const withLegacy: ScenarioReport = {
      ...report,
      services: [...report.services, { ...legacyService, health: { status: 'degraded', score: 0.81 } }],
      legacy: { ...report.legacy, legacyScore: 0 },
    };
    const text = renderReport(withLegacy, [], [], stylist(false));
    expect(text).toContain('legacy getSystemHealth() score 0.00 (the legacy penalty formula');
    expect(text).toContain("@rel's score for the same calls 0.81 (degraded)");
    expect(renderReport(report, [], [], stylist(false))).toContain("@rel's score for the same calls n/a");
  });

  it('names the invariants that failed and says exit 1', () => {
    const checks: Check[] = [
      { id: 'events-complete:alice', ok: false, text: 'alice: sent 10, received 9, lost 1 (seq 7)' },
      { id: 'breakers-closed', ok: true, text: 'every breaker is closed' },
    ];
    const text = renderReport(report, checks, [], stylist(false));
    expect(text).toContain('✗ alice: sent 10, received 9, lost 1 (seq 7)');
    expect(text).toContain('1 of 2 invariants failed (events-complete:alice): exit 1');
  });
});
