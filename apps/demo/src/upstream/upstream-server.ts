import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  EventEmitter,
  systemClock,
  type Clock,
  type Event,
  type Random,
  type TimerHandle,
} from '@rel/config';
import { childRandom, randomInt } from '../shared/seeded-random.js';
import { FAULT_PRESETS, resolveFault, type FaultSpec } from './fault-modes.js';
import {
  answerFailure,
  answerNoRoute,
  answerRequest,
  answerWrongMethod,
  readBody,
  type Verdict,
} from './upstream-answers.js';
import { UpstreamCounters, type UpstreamRoute } from './upstream-counters.js';

/** Options of {@link FlakyUpstream.start}. */
export interface FlakyUpstreamOptions {
  /** Seed of every random decision (fault draws, answers, latencies). @defaultValue 1 */
  readonly seed?: number;
  /** Time source of latencies and per-second counts. @defaultValue systemClock */
  readonly clock?: Clock;
  /** @defaultValue '127.0.0.1' */
  readonly host?: string;
  /** @defaultValue 0 (any free port) */
  readonly port?: number;
}

/**
 * A real `node:http` server on 127.0.0.1 that imitates an LLM provider
 * (`POST /v1/chat/completions`, OpenAI-style JSON) and a tool API (`POST /tools/:name`),
 * with a fault mode that can change at any time: added latency, 500/503 at a rate, 429 with
 * `Retry-After`, a hard outage (503, or connections dropped), recovery. Every request is
 * counted on arrival (per route, per answer, per calling service, per second).
 *
 * @example
 * ```ts
 * const upstream = await FlakyUpstream.start({ seed: 7 });
 * upstream.setFault({ mode: 'rate_limited', retryAfterS: 2 });
 * await fetch(`${upstream.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify(request) });
 * await upstream.close();
 * ```
 */
export class FlakyUpstream {
  readonly counters: UpstreamCounters;
  private current: FaultSpec = FAULT_PRESETS.healthy;
  private readonly faults = new EventEmitter<FaultSpec>();
  private readonly timers = new Set<TimerHandle>();
  private readonly draw: Random;
  private readonly answers: Random;
  private completions = 0;
  /** Every change of the fault mode. */
  readonly onFaultChange: Event<FaultSpec> = this.faults.event;

  private readonly server: Server;
  private readonly clock: Clock;

  private constructor(server: Server, clock: Clock, seed: number) {
    this.server = server;
    this.clock = clock;
    this.counters = new UpstreamCounters(clock);
    this.draw = childRandom(seed, 'upstream-faults');
    this.answers = childRandom(seed, 'upstream-answers');
  }

  /** Starts the upstream on a free port of 127.0.0.1 (or `host`/`port`). */
  static async start(options: FlakyUpstreamOptions = {}): Promise<FlakyUpstream> {
    const server = createServer();
    const upstream = new FlakyUpstream(server, options.clock ?? systemClock, options.seed ?? 1);
    server.on('request', (req, res) => upstream.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return upstream;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address}:${port}`;
  }

  /** The fault in force. */
  get fault(): FaultSpec {
    return this.current;
  }

  /**
   * Switches the fault mode (a mode and optional overrides, see `resolveFault`).
   * @throws `RelConfigError` naming every bad field.
   */
  setFault(input: unknown): FaultSpec {
    this.current = resolveFault(input);
    if (this.faults.size > 0) this.faults.emit(this.current);
    return this.current;
  }

  /** Stops listening and drops every connection; pending answers are never sent. */
  close(): Promise<void> {
    for (const timer of this.timers) this.clock.clearTimeout(timer);
    this.timers.clear();
    return new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    const route: UpstreamRoute | undefined =
      path === '/v1/chat/completions' ? 'chat' : path.startsWith('/tools/') ? 'tool' : undefined;
    if (route === undefined) return answerNoRoute(res, path);
    if (req.method !== 'POST') return answerWrongMethod(res);
    const service = req.headers['x-rel-service'];
    this.counters.arrived(route, typeof service === 'string' ? service : undefined);
    const verdict = this.decide(route);
    if (verdict.kind === 'reset') {
      this.counters.answered('reset');
      req.socket.destroy();
      return;
    }
    const spec = this.current;
    const base =
      verdict.kind === 'ok'
        ? route === 'chat'
          ? randomInt(this.answers, 40, 120)
          : randomInt(this.answers, 5, 30)
        : 0;
    const delay = verdict.kind === 'status' && verdict.status === 429 ? 0 : base + spec.latencyMs;
    void readBody(req).then((body) => {
      this.later(res, delay, () => this.answer(route, path, verdict, spec, body, res));
    });
  }

  private decide(route: UpstreamRoute): Verdict {
    const spec = this.current;
    // Two draws per request whatever the mode, so one request's verdict never shifts the next's.
    const a = this.draw();
    const b = this.draw();
    if (spec.mode === 'outage') {
      const reset = spec.outage === 'reset' || (spec.outage === 'mixed' && route === 'tool');
      return reset ? { kind: 'reset' } : { kind: 'status', status: 503 };
    }
    if (a < spec.errorRate) return { kind: 'status', status: b < 0.5 ? 500 : 503 };
    if (a < spec.errorRate + spec.rateLimitRate) return { kind: 'status', status: 429 };
    return { kind: 'ok' };
  }

  private answer(
    route: UpstreamRoute,
    path: string,
    verdict: Verdict,
    spec: FaultSpec,
    body: string | undefined,
    res: ServerResponse,
  ): void {
    const status =
      verdict.kind === 'status'
        ? answerFailure(res, verdict.status, spec)
        : answerRequest(route, path, body, res, {
            random: this.answers,
            now: this.clock.now(),
            completionId: ++this.completions,
          });
    this.counters.answered(status);
  }

  /** Answers after `delayMs`, unless the client went away first (counted as `abandoned`). */
  private later(res: ServerResponse, delayMs: number, answer: () => void): void {
    if (delayMs <= 0) return answer();
    const timer = this.clock.setTimeout(() => {
      this.timers.delete(timer);
      if (!res.destroyed) answer();
    }, delayMs);
    this.timers.add(timer);
    res.once('close', () => {
      if (!this.timers.delete(timer)) return;
      this.clock.clearTimeout(timer);
      this.counters.answered('abandoned');
    });
  }
}
