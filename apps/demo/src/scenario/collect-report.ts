import { legacyReport } from '../agents/legacy-agent.js';
import type { DemoService } from '../service/demo-service.js';
import { describeFault, resolveFault, type FaultInput } from '../upstream/fault-modes.js';
import { compareStreams } from './compare-streams.js';
import { readServiceMetrics } from './metrics-reader.js';
import type { PhaseReport, ScenarioReport, ServiceReport, TransitionEntry } from './scenario-report.js';
import type { UserStream } from './user-stream.js';

/** When a phase ran and the running totals at its edges. */
export interface PhaseRecord {
  readonly name: string;
  readonly fault: FaultInput;
  readonly startedAt: number;
  endedAt: number;
  readonly callsAtStart: number;
  readonly upstreamAtStart: number;
  callsAtEnd: number;
  upstreamAtEnd: number;
}

/** What {@link collectReport} reads. */
export interface ReportSources {
  readonly service: DemoService;
  readonly streams: readonly UserStream[];
  readonly phases: readonly PhaseRecord[];
  readonly startedAt: number;
  readonly endedAt: number;
  readonly seed: number;
  readonly agentsStopped: boolean;
  readonly legacyService: string;
}

function phaseAt(phases: readonly PhaseRecord[], at: number): string {
  for (const p of phases) if (at >= p.startedAt && at < p.endedAt) return p.name;
  return at < (phases[0]?.startedAt ?? 0) ? 'start' : 'end';
}

/**
 * Gathers the final report after the agents stopped and the streams caught up: @rel's
 * Prometheus counters per service, the demo's and the upstream's counts, breaker and
 * health transitions by phase, per-phase load, each user's stream against the ledger, and
 * the legacy agent's views.
 */
export async function collectReport(src: ReportSources): Promise<ScenarioReport> {
  const { service } = src;
  const metrics = await readServiceMetrics(service.registry);
  const metricsText = await service.manager.metrics();
  const healthJson = service.health();
  const system = service.manager.systemHealth();
  const upstream = service.upstream.counters.snapshot();
  const transitions = service.transitions.list();
  const configured = new Set(Object.keys(service.config.loaded.services));

  const services = service.manager.instances().map((instance): ServiceReport => {
    const m = metrics[instance.name];
    const health = system.services.find((h) => h.service === instance.name);
    const own = transitions.filter((t) => t.service === instance.name);
    const breakerMoves: TransitionEntry[] = [];
    const healthChanges: string[] = [];
    for (const t of own) {
      if (t.kind === 'breaker') {
        breakerMoves.push({
          from: t.from,
          to: t.to,
          reason: t.reason,
          phase: phaseAt(src.phases, t.at),
          atMs: t.at - src.startedAt,
        });
      } else {
        if (healthChanges.length === 0) healthChanges.push(t.from);
        healthChanges.push(`${t.to} [${phaseAt(src.phases, t.at)}]`);
      }
    }
    const budget = instance.config.retry.budget;
    return {
      name: instance.name,
      kind: service.legacyServices.has(instance.name) ? 'legacy' : 'canonical',
      configured: configured.has(instance.name),
      calls: service.counters.get(instance.name).calls,
      attempts: m?.attempts ?? 0,
      retries: m?.retries ?? 0,
      budgetRefusals: m?.budgetRefusals ?? 0,
      fallbacks: m?.fallbacks ?? 0,
      demoAttempts: service.counters.get(instance.name).attempts,
      upstreamRequests: upstream.byService[instance.name] ?? 0,
      breaker: instance.breaker?.state ?? null,
      transitions: breakerMoves,
      healthChanges,
      health: { status: health?.status ?? 'healthy', score: health?.score ?? 1 },
      budget:
        budget === false ? null : { ratio: budget.ratio, minRetriesPerSecond: budget.minRetriesPerSecond },
    };
  });

  const phases: PhaseReport[] = src.phases.map((p) => ({
    name: p.name,
    fault: describeFault(resolveFault(p.fault)),
    durationMs: p.endedAt - p.startedAt,
    calls: p.callsAtEnd - p.callsAtStart,
    upstream: p.upstreamAtEnd - p.upstreamAtStart,
  }));

  const legacy = legacyReport();
  const legacyAgent = legacy.health.agents[src.legacyService];
  return {
    durationMs: src.endedAt - src.startedAt,
    seed: src.seed,
    services,
    phases,
    upstream: { received: upstream.received, byAnswer: upstream.byAnswer },
    calls: service.counters.totals().calls,
    users: src.streams.map((stream) =>
      compareStreams(service.ledger.user(stream.userId), stream.received, stream.stats()),
    ),
    agentsStopped: src.agentsStopped,
    legacy: {
      service: src.legacyService,
      legacyScore: legacyAgent?.health_score ?? null,
      migration: legacy.summary,
      namesUsed: legacy.migration.names.map((n) => n.name),
      inHealthJson: Object.keys(healthJson.checks ?? {}).some((key) =>
        key.startsWith(`${src.legacyService}:`),
      ),
      inMetrics: metricsText.includes(`service="${src.legacyService}"`),
    },
    systemStatus: system.status,
  };
}
