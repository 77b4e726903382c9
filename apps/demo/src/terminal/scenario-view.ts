import type { DemoConfig } from '../service/demo-config.js';
import type { DemoState } from '../service/demo-state.js';
import type { ServiceTransition } from '../service/transition-log.js';
import type { Phase } from '../scenario/phases.js';
import { describeFault, resolveFault } from '../upstream/fault-modes.js';
import { LiveView, type TerminalOutput } from './live-view.js';
import { StreamSummary } from './stream-summary.js';
import { breakerStyle, displayPath, healthStyle, seconds, type Stylist } from './style.js';

/**
 * What the scenario prints while it runs: a banner (addresses, config, env overrides),
 * one line per phase, per breaker or health transition and per deprecation warning, a
 * per-second summary of each user's stream, and a progress line (phase, time, breakers,
 * health, runs and events per user, upstream load).
 */
export class ScenarioView {
  readonly summary: StreamSummary;
  private readonly view: LiveView;
  private readonly style: Stylist;
  private readonly startedAt: number;

  constructor(out: TerminalOutput, style: Stylist, startedAt: number) {
    this.view = new LiveView(out);
    this.style = style;
    this.summary = new StreamSummary(style);
    this.startedAt = startedAt;
  }

  private at(now: number): string {
    return this.style('dim', seconds(now - this.startedAt));
  }

  /** The opening lines. */
  banner(info: {
    config: DemoConfig;
    serviceUrl: string;
    eventsUrl: string;
    upstreamUrl: string;
    totalMs: number;
  }): void {
    const s = this.style;
    this.view.line(
      s(
        'bold',
        `@rel demo: an agent chat service against a flaky LLM and tool API (at most ${Math.ceil(info.totalMs / 1000)} s)`,
      ),
    );
    this.view.line(
      s('dim', `  service ${info.serviceUrl}  events ${info.eventsUrl}  upstream ${info.upstreamUrl}`),
    );
    this.view.line(
      s(
        'dim',
        `  profiles from ${displayPath(info.config.file)} (${Object.keys(info.config.loaded.services).join(', ')})`,
      ),
    );
    if (info.config.fromEnv.length === 0) {
      this.view.line(s('dim', '  no setting from the environment (try REL__OPENAI__RETRY__MAX_ATTEMPTS=2)'));
    }
    for (const e of info.config.fromEnv) {
      this.view.line(
        `  ${s('yellow', 'env')} ${e.service}.${e.path} = ${JSON.stringify(e.value)} (from ${e.variable})`,
      );
    }
  }

  /** A phase begins. */
  phase(phase: Phase, now: number): void {
    const s = this.style;
    this.view.line(
      `${s(['bold', 'blue'], '▶')} ${this.at(now)} ${s('bold', phase.name)} │ upstream ${describeFault(resolveFault(phase.fault))}` +
        s(
          'dim',
          ` (${phase.untilRecovered ? 'up to ' : ''}${(phase.durationMs / 1000).toFixed(0)} s; watch: ${phase.watch})`,
        ),
    );
  }

  /** A breaker or health transition (from the server side). */
  transition(t: ServiceTransition, now: number): void {
    const s = this.style;
    if (t.kind === 'breaker') {
      const wait = t.retryAfterMs === undefined ? '' : `, probe in ${(t.retryAfterMs / 1000).toFixed(1)} s`;
      this.view.line(
        `  ${this.at(now)} ${s('bold', '⚡ breaker')} ${t.service} ${s(breakerStyle(t.from), t.from)} → ${s(breakerStyle(t.to), t.to)} ${s('dim', `(${t.reason}${wait})`)}`,
      );
    } else {
      this.view.line(
        `  ${this.at(now)} ${s('bold', '♥ health')}  ${t.service} ${s(healthStyle(t.from), t.from)} → ${s(healthStyle(t.to), t.to)} ${s('dim', `(score ${t.score.toFixed(2)})`)}`,
      );
    }
  }

  /** A deprecation warning of the legacy agent (shown once per legacy name, as Node would). */
  warning(code: string, message: string, now: number): void {
    this.view.line(
      `  ${this.at(now)} ${this.style('yellow', `⚠ legacy ${code}`)} ${this.style('dim', message)}`,
    );
  }

  /** Prints each user's stream summary since the last call. */
  flushStreams(now: number): void {
    for (const line of this.summary.flush(`  ${this.at(now)}`)) this.view.line(line);
  }

  /** Redraws the progress line. */
  progress(state: DemoState, phase: string, events: ReadonlyMap<string, number>, now: number): void {
    const s = this.style;
    const breakers = state.services
      .filter((svc) => svc.breaker !== null)
      .map((svc) => `${svc.name} ${s(breakerStyle(svc.breaker!.state), svc.breaker!.state)}`)
      .join(' ');
    const health = state.services
      .filter((svc) => svc.calls > 0)
      .map((svc) => `${svc.name} ${s(healthStyle(svc.health.status), svc.health.score.toFixed(2))}`)
      .join(' ');
    const users = state.users
      .map((u) => {
        const runs = this.summary.runCounts(u.id);
        return `${u.id} ${runs.completed + runs.failed} runs ${events.get(u.id) ?? 0}/${u.eventsSent} ev`;
      })
      .join(' · ');
    const load = state.timeline.at(-1)?.upstream ?? 0;
    this.view.progress(
      `${s('bold', '⏱')} ${seconds(now - this.startedAt)} ${s('bold', phase)} │ breakers ${breakers} │ health ${health} │ ${users} │ upstream ${load} req/s`,
      now,
    );
  }

  /** Prints a plain line (the report). */
  line(text: string): void {
    this.view.line(text);
  }

  /** Clears the progress line. */
  end(): void {
    this.view.end();
  }
}
