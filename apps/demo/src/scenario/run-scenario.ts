import { sleep, systemClock } from '@rel/config';
import type { Logger } from 'pino';
import { startAgents } from '../agents/agent-pool.js';
import { loadDemoConfig, type DemoConfigOptions } from '../service/demo-config.js';
import { DemoService } from '../service/demo-service.js';
import type { TerminalOutput } from '../terminal/live-view.js';
import { ScenarioView } from '../terminal/scenario-view.js';
import { stylist } from '../terminal/style.js';
import { collectReport, type PhaseRecord } from './collect-report.js';
import { checkDemonstrated, checkInvariants, type Check } from './invariants.js';
import { DEFAULT_PHASES, maxDurationMs, SCENARIO_LIMIT_MS, type Phase } from './phases.js';
import { renderReport } from './render-report.js';
import type { ScenarioReport } from './scenario-report.js';
import { UserStream } from './user-stream.js';

/** Options of {@link runScenario}. */
export interface ScenarioOptions {
  /** @defaultValue DEFAULT_PHASES (see `scalePhases` for a compressed run) */
  readonly phases?: readonly Phase[];
  /** Seed of the upstream, the conversations and @rel's jitter. @defaultValue 1 */
  readonly seed?: number;
  /** Where the configuration comes from (file, env, overrides). */
  readonly config?: DemoConfigOptions;
  /** @defaultValue process.stdout */
  readonly output?: TerminalOutput;
  /** @defaultValue false */
  readonly color?: boolean;
  /** Chat sessions per user. @defaultValue 3 */
  readonly workersPerUser?: number;
  /** Start to report, at most (ms). @defaultValue 60 000 */
  readonly limitMs?: number;
  /** @defaultValue a silent logger */
  readonly logger?: Logger;
}

/** The outcome of a scenario: the report as data and text, and whether every invariant held. */
export interface ScenarioResult {
  readonly report: ScenarioReport;
  readonly invariants: readonly Check[];
  readonly shown: readonly Check[];
  readonly ok: boolean;
  readonly text: string;
}

// Time kept for stopping the agents, draining the streams and reporting.
const SHUTDOWN_RESERVE_MS = 8_000;
const CONNECT_TIMEOUT_MS = 5_000;
// One summary line per user at most this often: a busy outage stays readable.
const SUMMARY_EVERY_MS = 2_000;

/**
 * The scripted scenario of `npm run demo`: starts the flaky upstream and the demo service,
 * connects alice's and bob's WebSocket clients, starts the agents, walks the phases
 * (warm-up, degradation, 429s, outage, recovery) while rendering the live view, then stops
 * everything, checks the invariants and renders the final report. Everything it opens is
 * closed before it resolves, and it ends within `limitMs`.
 *
 * @example
 * ```ts
 * const { ok, text } = await runScenario({ phases: scalePhases(DEFAULT_PHASES, 0.3), output });
 * ```
 */
export async function runScenario(options: ScenarioOptions = {}): Promise<ScenarioResult> {
  const clock = systemClock;
  const startedAt = clock.now();
  const limitMs = options.limitMs ?? SCENARIO_LIMIT_MS;
  const phases = options.phases ?? DEFAULT_PHASES;
  const seed = options.seed ?? 1;
  const style = stylist(options.color ?? false);
  const config = await loadDemoConfig(options.config);
  const service = await DemoService.start({
    config,
    seed,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const view = new ScenarioView(options.output ?? process.stdout, style, startedAt);
  const streams: UserStream[] = [];
  let ticker: ReturnType<typeof setInterval> | undefined;
  const onWarning = (w: Error & { code?: string }): void => {
    if (w.name === 'DeprecationWarning') view.warning(w.code ?? 'DEP', w.message, clock.now());
  };
  process.on('warning', onWarning);
  try {
    view.banner({
      config,
      serviceUrl: service.url,
      eventsUrl: service.eventsUrl,
      upstreamUrl: service.upstream.url,
      totalMs: Math.min(limitMs, maxDurationMs(phases) + SHUTDOWN_RESERVE_MS),
    });
    service.transitions.onTransition((t) => view.transition(t, clock.now()));
    for (const userId of service.users) {
      const stream = new UserStream({
        userId,
        url: service.eventsUrl,
        token: () => service.issueToken(userId).token,
      });
      stream.onEvent((event) => view.summary.add(userId, event));
      streams.push(stream);
    }
    await Promise.all(streams.map((s) => s.connect(CONNECT_TIMEOUT_MS)));

    const agents = startAgents(service, {
      seed,
      ...(options.workersPerUser ? { workersPerUser: options.workersPerUser } : {}),
    });
    let current = 'start';
    let lastFlush = clock.now();
    const render = (): void => {
      const now = clock.now();
      if (now - lastFlush >= SUMMARY_EVERY_MS) {
        lastFlush = now;
        view.flushStreams(now);
      }
      view.progress(
        service.state(),
        current,
        new Map(streams.map((s) => [s.userId, s.received.length])),
        now,
      );
    };
    ticker = setInterval(render, 250);

    const records: PhaseRecord[] = [];
    const phasesEnd = startedAt + limitMs - SHUTDOWN_RESERVE_MS;
    for (const phase of phases) {
      if (clock.now() >= phasesEnd) break;
      service.setFault(phase.fault);
      service.phase = current = phase.name;
      const record: PhaseRecord = {
        name: phase.name,
        fault: phase.fault,
        startedAt: clock.now(),
        endedAt: Infinity,
        callsAtStart: service.counters.totals().calls,
        upstreamAtStart: service.upstream.counters.total,
        callsAtEnd: 0,
        upstreamAtEnd: 0,
      };
      records.push(record);
      view.phase(phase, record.startedAt);
      await waitPhase(service, phase, Math.min(record.startedAt + phase.durationMs, phasesEnd));
      record.endedAt = clock.now();
      record.callsAtEnd = service.counters.totals().calls;
      record.upstreamAtEnd = service.upstream.counters.total;
    }

    service.phase = current = 'stopping';
    const grace = Math.max(1_000, startedAt + limitMs - clock.now() - 3_000);
    const { inTime: stopped } = await agents.stop(grace);
    await Promise.all(streams.map((s) => s.caughtUp(service.ledger.user(s.userId).headSeq, 3_000)));
    clearInterval(ticker);
    ticker = undefined;
    view.flushStreams(clock.now());
    view.end();

    const report = await collectReport({
      service,
      streams,
      phases: records,
      startedAt,
      endedAt: clock.now(),
      seed,
      agentsStopped: stopped,
      legacyService: agents.legacyService,
    });
    const invariants = checkInvariants(report);
    const shown = checkDemonstrated(report);
    const ok = invariants.every((c) => c.ok);
    const text = renderReport(report, invariants, shown, style);
    view.line(text);
    return { report, invariants, shown, ok, text };
  } finally {
    if (ticker !== undefined) clearInterval(ticker);
    process.off('warning', onWarning);
    for (const stream of streams) stream.close();
    await service.close();
  }
}

/** Waits out a phase; a recovery phase ends early once everything configured has recovered. */
async function waitPhase(service: DemoService, phase: Phase, until: number): Promise<void> {
  const clock = systemClock;
  const minUntil = clock.now() + (phase.untilRecovered?.minMs ?? Infinity);
  while (clock.now() < until) {
    await sleep(clock, Math.min(250, until - clock.now()));
    if (phase.untilRecovered !== undefined && clock.now() >= minUntil && recovered(service)) return;
  }
}

/** Every configured service's breaker is closed and its health is `healthy`. */
function recovered(service: DemoService): boolean {
  const health = service.manager.systemHealth();
  return Object.keys(service.config.loaded.services).every((name) => {
    const instance = service.manager.find(name);
    const status = health.services.find((h) => h.service === name)?.status ?? 'healthy';
    return (instance?.breaker === undefined || instance.breaker.state === 'closed') && status === 'healthy';
  });
}
