import type { Stylist } from '../terminal/style.js';
import { breakerStyle, healthStyle } from '../terminal/style.js';
import type { Check } from './invariants.js';
import { amplification, type ScenarioReport, type ServiceReport } from './scenario-report.js';

const right = (value: string | number, width: number): string => String(value).padStart(width);
const left = (value: string, width: number): string => value.padEnd(width);

function transitionsLine(s: ServiceReport): string {
  if (s.transitions.length === 0) return `${s.name}: no transition`;
  const steps = s.transitions.map((t) => `${t.to} [${t.phase} +${(t.atMs / 1000).toFixed(1)}s, ${t.reason}]`);
  return `${s.name}: ${s.transitions[0]!.from} → ${steps.join(' → ')}`;
}

function servicesTable(report: ScenarioReport, s: Stylist): string[] {
  const lines = [
    s('bold', 'Per service') +
      s('dim', " (attempts, retries, budget refusals, fallbacks: @rel's Prometheus counters)"),
    s(
      'dim',
      `  ${left('service', 20)}${right('calls', 7)}${right('attempts', 10)}${right('retries', 9)}${right('refused', 9)}${right('fallbacks', 11)}  ${left('breaker', 10)}health`,
    ),
  ];
  for (const svc of report.services) {
    const name = svc.kind === 'legacy' ? `${svc.name}*` : svc.name;
    const breaker = svc.breaker ?? '-';
    lines.push(
      `  ${left(name, 20)}${right(svc.calls, 7)}${right(svc.attempts, 10)}${right(svc.retries, 9)}${right(svc.budgetRefusals, 9)}${right(svc.fallbacks, 11)}  ` +
        `${s(breakerStyle(breaker), left(breaker, 10))}${s(healthStyle(svc.health.status), `${svc.health.status} ${svc.health.score.toFixed(2)}`)}`,
    );
  }
  lines.push(s('dim', '  * the legacy agent, written against @rel/compat'));
  lines.push('  breaker transitions:');
  for (const svc of report.services) if (svc.breaker !== null) lines.push(`    ${transitionsLine(svc)}`);
  lines.push('  health changes:');
  for (const svc of report.services)
    if (svc.healthChanges.length > 0) lines.push(`    ${svc.name}: ${svc.healthChanges.join(' → ')}`);
  return lines;
}

function upstreamTable(report: ScenarioReport, s: Stylist): string[] {
  const lines = [
    s('bold', 'Upstream load vs requests') + s('dim', ' (amplification = upstream requests / logical calls)'),
    s(
      'dim',
      `  ${left('phase', 13)}${right('calls', 7)}${right('requests', 10)}${right('ampl.', 7)}  upstream`,
    ),
  ];
  for (const p of report.phases) {
    lines.push(
      `  ${left(p.name, 13)}${right(p.calls, 7)}${right(p.upstream, 10)}${right(amplification(p.upstream, p.calls).toFixed(2), 7)}  ${s('dim', p.fault)}`,
    );
  }
  lines.push(
    `  ${left('total', 13)}${right(report.calls, 7)}${right(report.upstream.received, 10)}${right(amplification(report.upstream.received, report.calls).toFixed(2), 7)}`,
  );
  const answers = Object.entries(report.upstream.byAnswer)
    .sort((a, b) => b[1] - a[1])
    .map(([answer, n]) => `${answer} x${n}`)
    .join(', ');
  lines.push(`  answers: ${answers}`);
  return lines;
}

function eventsTable(report: ScenarioReport, s: Stylist): string[] {
  const lines = [
    s('bold', 'Events over WebSocket') +
      s('dim', " (sent: the server's ledger; received: each user's @rel/core/client)"),
    s(
      'dim',
      `  ${left('user', 7)}${right('sent', 6)}${right('received', 10)}${right('lost', 6)}${right('dup', 5)}${right('gaps', 6)}${right('cross-user', 12)}  runs (completed/failed)`,
    ),
  ];
  for (const u of report.users) {
    lines.push(
      `  ${left(u.userId, 7)}${right(u.sent, 6)}${right(u.received, 10)}${right(u.lostCount, 6)}${right(u.duplicates, 5)}${right(u.gaps, 6)}${right(u.crossUser + u.foreignRuns, 12)}  ` +
        `${u.runs.started} (${u.runs.completed}/${u.runs.failed})`,
    );
  }
  return lines;
}

function checksBlock(title: string, checks: readonly Check[], s: Stylist): string[] {
  return [s('bold', title), ...checks.map((c) => `  ${c.ok ? s('green', '✓') : s('red', '✗')} ${c.text}`)];
}

/**
 * The final report as text: per service (attempts, retries, budget refusals, fallbacks,
 * breaker transitions, health), upstream load vs requests per phase, events sent vs
 * received per user, the legacy agent, then every invariant and the verdict.
 */
export function renderReport(
  report: ScenarioReport,
  invariants: readonly Check[],
  shown: readonly Check[],
  s: Stylist,
): string {
  const failed = invariants.filter((c) => !c.ok);
  const legacy = report.legacy;
  const legacyHealth = report.services.find((sv) => sv.name === legacy.service)?.health;
  const lines = [
    '',
    s('bold', `━━ @rel demo report: ${(report.durationMs / 1000).toFixed(1)} s, seed ${report.seed} ━━`),
    '',
    ...servicesTable(report, s),
    '',
    ...upstreamTable(report, s),
    '',
    ...eventsTable(report, s),
    '',
    s('bold', 'Legacy agent') + s('dim', ` (${legacy.service}, @rel/compat)`),
    `  ${legacy.migration}`,
    `  legacy getSystemHealth() score ${legacy.legacyScore === null ? 'n/a' : legacy.legacyScore.toFixed(2)} ` +
      `(the legacy penalty formula: success rate minus up to 0.5 for breaker opens and 0.3 for recent errors); ` +
      `@rel's score for the same calls ${legacyHealth === undefined ? 'n/a' : legacyHealth.score.toFixed(2)} (${legacyHealth?.status ?? 'n/a'})`,
    `  the same calls in /health: ${legacy.inHealthJson ? 'yes' : 'no'}, in /metrics: ${legacy.inMetrics ? 'yes' : 'no'}`,
    '',
    ...checksBlock('Invariants (the exit code)', invariants, s),
    '',
    ...checksBlock('Shown', shown, s),
    '',
    failed.length === 0
      ? s(['bold', 'green'], `All ${invariants.length} invariants hold: exit 0`)
      : s(
          ['bold', 'red'],
          `${failed.length} of ${invariants.length} invariants failed (${failed.map((c) => c.id).join(', ')}): exit 1`,
        ),
    '',
  ];
  return lines.join('\n');
}
