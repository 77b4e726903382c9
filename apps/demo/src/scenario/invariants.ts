import type { ScenarioReport, ServiceReport, UserReport } from './scenario-report.js';

/** One checked statement of the report. */
export interface Check {
  readonly id: string;
  readonly ok: boolean;
  /** What was checked, with the numbers. */
  readonly text: string;
}

const check = (id: string, ok: boolean, text: string): Check => ({ id, ok, text });

function streamChecks(u: UserReport): Check[] {
  const complete =
    u.sent > 0 &&
    u.lostCount === 0 &&
    u.duplicates === 0 &&
    u.gaps === 0 &&
    u.mismatched === 0 &&
    u.received === u.sent;
  const isolated = u.crossUser === 0 && u.foreignRuns === 0;
  return [
    check(
      `events-complete:${u.userId}`,
      complete && u.ledgerDropped === 0,
      complete
        ? `${u.userId}: every sent seq received, gap-free (seq 1..${u.headSeq}, ${u.received} events)`
        : `${u.userId}: sent ${u.sent}, received ${u.received}, lost ${u.lostCount}` +
            `${u.lost.length > 0 ? ` (seq ${u.lost.join(', ')}${u.lostCount > u.lost.length ? ', ...' : ''})` : ''}, ` +
            `duplicates ${u.duplicates}, gaps ${u.gaps}, mismatched ${u.mismatched}`,
    ),
    check(
      `events-isolated:${u.userId}`,
      isolated,
      isolated
        ? `${u.userId}: zero cross-user events (every event carried user_id "${u.userId}" and one of their runs)`
        : `${u.userId}: ${u.crossUser} events of another user, ${u.foreignRuns} of runs never sent to them`,
    ),
    check(
      `runs-ended:${u.userId}`,
      u.unterminatedRuns === 0,
      u.unterminatedRuns === 0
        ? `${u.userId}: all ${u.runs.started} runs started, then ended with exactly one terminal event`
        : `${u.userId}: ${u.unterminatedRuns} runs without exactly one final agent_completed/agent_error`,
    ),
  ];
}

/** Retries allowed by a budget over `durationMs`: ratio x first attempts + floor x (seconds + 1). */
export function budgetBound(s: ServiceReport, durationMs: number): number | undefined {
  if (s.budget === null) return undefined;
  // Every call deposits at most once (its first attempt), so `calls` bounds the deposits.
  return s.budget.ratio * s.calls + s.budget.minRetriesPerSecond * (durationMs / 1000 + 1);
}

function serviceChecks(s: ServiceReport, durationMs: number): Check[] {
  const checks: Check[] = [];
  if (s.calls > 0) {
    const agree = s.upstreamRequests === s.attempts && s.attempts === s.demoAttempts;
    checks.push(
      check(
        `attempts-accounted:${s.name}`,
        agree,
        agree
          ? `${s.name}: upstream received ${s.upstreamRequests} requests = @rel attempts ${s.attempts} = operation invocations ${s.demoAttempts}`
          : `${s.name}: upstream received ${s.upstreamRequests}, @rel counted ${s.attempts} attempts, the operation ran ${s.demoAttempts} times`,
      ),
    );
  }
  const bound = budgetBound(s, durationMs);
  if (bound !== undefined && s.calls > 0) {
    checks.push(
      check(
        `budget-bounded:${s.name}`,
        s.retries <= bound,
        `${s.name}: ${s.retries} retries <= budget bound ${bound.toFixed(1)} (${s.budget?.ratio} x ${s.calls} calls + ${s.budget?.minRetriesPerSecond}/s floor)`,
      ),
    );
  }
  return checks;
}

/**
 * The invariants the exit code depends on: per user, every sent event received exactly
 * once and in sequence, none of another user, every run ended; per service, the upstream's
 * count, @rel's attempts and the operation's invocations agree and retries stayed within the
 * budget; at the end every breaker is closed, every configured service is healthy again and
 * every agent stopped.
 */
export function checkInvariants(report: ScenarioReport): Check[] {
  const checks = report.users.flatMap(streamChecks);
  for (const s of report.services) checks.push(...serviceChecks(s, report.durationMs));
  const open = report.services.filter((s) => s.breaker !== null && s.breaker !== 'closed');
  checks.push(
    check(
      'breakers-closed',
      open.length === 0,
      open.length === 0
        ? 'every breaker is closed at the end (no breaker stuck open or half-open)'
        : `breakers not closed at the end: ${open.map((s) => `${s.name} ${s.breaker}`).join(', ')}`,
    ),
  );
  const sick = report.services.filter((s) => s.configured && s.health.status !== 'healthy');
  checks.push(
    check(
      'health-recovered',
      sick.length === 0,
      sick.length === 0
        ? `every configured service is healthy at the end (${report.services
            .filter((s) => s.configured)
            .map((s) => `${s.name} ${s.health.score.toFixed(2)}`)
            .join(', ')})`
        : `not recovered: ${sick.map((s) => `${s.name} ${s.health.status} ${s.health.score.toFixed(2)}`).join(', ')}`,
    ),
  );
  checks.push(
    check(
      'agents-stopped',
      report.agentsStopped,
      report.agentsStopped
        ? 'every agent finished its last run in time'
        : 'some agent did not finish its last run in time',
    ),
  );
  checks.push(
    check(
      'legacy-visible',
      report.legacy.inHealthJson && report.legacy.inMetrics,
      `the legacy agent's instance "${report.legacy.service}" is ${report.legacy.inHealthJson ? '' : 'NOT '}in /health and ${report.legacy.inMetrics ? '' : 'NOT '}in /metrics`,
    ),
  );
  return checks;
}

/**
 * What the scenario is meant to show (reported, not part of the exit code: a configuration
 * given through the environment may legitimately change it): the LLM's breaker opened in the
 * outage and closed again, the budget refused retries, fallbacks answered, health degraded.
 */
export function checkDemonstrated(report: ScenarioReport): Check[] {
  const llm = report.services.find((s) => s.name === 'openai');
  const opened = llm?.transitions.some((t) => t.to === 'open' && t.phase === 'outage') ?? false;
  const closed = llm?.transitions.some((t) => t.from === 'half_open' && t.to === 'closed') ?? false;
  const refusals = report.services.reduce((n, s) => n + s.budgetRefusals, 0);
  const fallbacks = report.services.reduce((n, s) => n + s.fallbacks, 0);
  const degraded = report.services.some((s) => s.healthChanges.length > 0);
  return [
    check(
      'shown:breaker-opened',
      opened,
      `the openai breaker ${opened ? 'opened' : 'did NOT open'} during the outage`,
    ),
    check(
      'shown:probe-closed',
      closed,
      `a half-open probe ${closed ? 'closed' : 'did NOT close'} the openai breaker`,
    ),
    check('shown:budget-refused', refusals > 0, `the retry budget refused ${refusals} retries`),
    check('shown:fallbacks', fallbacks > 0, `fallbacks answered ${fallbacks} calls`),
    check(
      'shown:health-changed',
      degraded,
      `health status ${degraded ? 'changed' : 'did NOT change'} under faults`,
    ),
  ];
}
