// The scripted scenario, compressed: the same code path as `npm run demo` (real HTTP
// upstream, real demo service, real WebSocket clients on 127.0.0.1), with shorter phases
// and shorter breaker and health windows given as config overrides.
import { stripVTControlCharacters } from 'node:util';
import type { ReliabilityConfigInput } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PHASES, scalePhases } from '../src/scenario/phases.js';
import { runScenario } from '../src/scenario/run-scenario.js';
import { amplification } from '../src/scenario/scenario-report.js';

const fast: ReliabilityConfigInput = {
  circuitBreaker: { openMs: 1_000, maxOpenMs: 2_000, windowMs: 3_000, minimumThroughput: 6 },
  health: { windowMs: 3_000, recentErrorWindowMs: 3_000 },
};

// Phases at 35 %, except that recovery may take up to 15 s: it ends as soon as everything
// has recovered (a few seconds), and the margin keeps a loaded CI machine from failing it.
const phases = scalePhases(DEFAULT_PHASES, 0.35).map((p) =>
  p.name === 'recovery' ? { ...p, durationMs: 15_000 } : p,
);

const handles = (kind: string): number => process.getActiveResourcesInfo().filter((r) => r === kind).length;

describe('the demo scenario (compressed)', () => {
  it('keeps every invariant through degradation, 429s, an outage and recovery, and shows what @rel did', async () => {
    const serversBefore = handles('TCPServerWrap');
    let output = '';
    const result = await runScenario({
      phases,
      seed: 7,
      config: { env: { REL__OPENAI__RETRY__MAX_ATTEMPTS: '3' }, overrides: { openai: fast, tools: fast } },
      output: { write: (text: string) => void (output += text), isTTY: false },
      limitMs: 45_000,
    });
    const { report } = result;

    // The verdict: every invariant holds, and the report says which ones were checked.
    expect(result.invariants.filter((c) => !c.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.invariants.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'events-complete:alice',
        'events-complete:bob',
        'events-isolated:alice',
        'events-isolated:bob',
        'runs-ended:alice',
        'runs-ended:bob',
        'attempts-accounted:openai',
        'attempts-accounted:tools',
        'attempts-accounted:legacy-summarizer',
        'budget-bounded:openai',
        'breakers-closed',
        'health-recovered',
        'legacy-visible',
      ]),
    );
    // What the scenario is there to show happened: the breaker opened in the outage and a
    // probe closed it, the budget refused retries, fallbacks answered, health moved.
    expect(result.shown.filter((c) => !c.ok)).toEqual([]);

    // Both users got a real stream: every seq from 1, nothing of the other user.
    for (const user of report.users) {
      expect(user.sent).toBeGreaterThan(20);
      expect(user.received).toBe(user.sent);
      expect(user.runs.started).toBe(user.runs.completed + user.runs.failed);
      expect(user.byType['agent_retrying'] ?? 0).toBeGreaterThan(0);
    }
    // During the outage the breakers keep load off the upstream: fewer requests than calls.
    const outage = report.phases.find((p) => p.name === 'outage')!;
    expect(amplification(outage.upstream, outage.calls)).toBeLessThan(1);
    // The legacy agent's calls are in the canonical health and metrics.
    expect(report.legacy.namesUsed).toEqual(expect.arrayContaining(['getReliabilityWrapper']));
    expect(report.services.find((s) => s.name === 'legacy-summarizer')).toMatchObject({ kind: 'legacy' });

    // The terminal view: the env override, each phase, transitions, the report; no colour codes.
    const text = stripVTControlCharacters(output);
    expect(output).toBe(text);
    expect(text).toContain('env openai.retry.maxAttempts = 3 (from REL__OPENAI__RETRY__MAX_ATTEMPTS)');
    for (const phase of ['warm-up', 'degradation', 'rate-limit', 'outage', 'recovery']) {
      expect(text).toMatch(new RegExp(`▶ +[\\d.]+s ${phase} │ upstream `));
    }
    expect(text).toMatch(/⚡ breaker openai closed → open/);
    expect(text).toMatch(/⚠ legacy REL_DEP03\d/);
    expect(text).toContain(`All ${result.invariants.length} invariants hold: exit 0`);
    expect(report.durationMs).toBeLessThan(45_000);
    // Everything it opened is closed (a closed server's handle goes on the next turn).
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handles('TCPServerWrap')).toBe(serversBefore);
  });
});
