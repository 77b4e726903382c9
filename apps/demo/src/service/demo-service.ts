import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '@rel/config';
import { getDefaultManager, ReliabilityManager, setDefaultManager, WebSocketEventServer } from '@rel/core';
import type { HealthJson } from '@rel/health';
import { pino, type Logger } from 'pino';
import { Registry } from 'prom-client';
import { childRandom } from '../shared/seeded-random.js';
import type { FaultSpec } from '../upstream/fault-modes.js';
import { FlakyUpstream } from '../upstream/upstream-server.js';
import { CallCounters } from './call-counters.js';
import type { DemoConfig } from './demo-config.js';
import { DemoTokens } from './demo-tokens.js';
import { buildState, type DemoState } from './demo-state.js';
import { EventLedger } from './event-ledger.js';
import { createRequestHandler, type TokenGrant, type WebPage } from './http-routes.js';
import { Timeline } from './timeline.js';
import { TransitionLog } from './transition-log.js';
import { UpstreamClient } from './upstream-client.js';

/** The demo's two users. */
export const DEMO_USERS = ['alice', 'bob'] as const;

/** Options of {@link DemoService.start}. */
export interface DemoServiceOptions {
  /** The loaded configuration (see `loadDemoConfig`). */
  readonly config: DemoConfig;
  /** Seed of the upstream's faults and of @rel's jitter. @defaultValue 1 */
  readonly seed?: number;
  /** Port on 127.0.0.1, the only interface the demo listens on. @defaultValue 0 (any free port) */
  readonly port?: number;
  /** @defaultValue a silent pino logger */
  readonly logger?: Logger;
  /** Lifetime of the WebSocket tokens the service signs (ms). @defaultValue 300 000 */
  readonly tokenTtlMs?: number;
  /** The page (serve mode). */
  readonly page?: WebPage;
  /** @defaultValue systemClock */
  readonly clock?: Clock;
}

/**
 * The demo service: a `ReliabilityManager` built from the config file (and made the process
 * default manager, so the legacy `@rel/compat` agent lands in the same health, metrics and
 * budgets), the @rel/core `WebSocketEventServer` on the service's HTTP server (`/events`,
 * HMAC tokens), the routes (`/health`, `/metrics`, `/api/*`, the page), the flaky upstream
 * and the counters the report is made of.
 *
 * @example
 * ```ts
 * const service = await DemoService.start({ config: await loadDemoConfig() });
 * const { token } = service.issueToken('alice');
 * await service.close();
 * ```
 */
export class DemoService {
  readonly manager: ReliabilityManager;
  readonly registry = new Registry();
  readonly counters = new CallCounters();
  readonly ledger = new EventLedger();
  readonly transitions: TransitionLog;
  readonly timeline: Timeline;
  readonly events: WebSocketEventServer;
  readonly client: UpstreamClient;
  readonly users: readonly string[] = DEMO_USERS;
  readonly startedAt: number;
  /** Instances behind @rel/compat names (shown as legacy). */
  readonly legacyServices = new Set<string>();
  /** The scripted phase shown on the page, when a scenario runs. */
  phase: string | null = null;
  private readonly tokens: DemoTokens;
  private closing: Promise<void> | undefined;

  readonly config: DemoConfig;
  readonly upstream: FlakyUpstream;
  readonly logger: Logger;
  private readonly http: Server;
  private readonly clock: Clock;

  private constructor(
    upstream: FlakyUpstream,
    http: Server,
    logger: Logger,
    clock: Clock,
    seed: number,
    options: DemoServiceOptions,
  ) {
    this.config = options.config;
    this.upstream = upstream;
    this.http = http;
    this.logger = logger;
    this.clock = clock;
    this.startedAt = clock.now();
    this.tokens = new DemoTokens(DEMO_USERS, options.tokenTtlMs ?? 300_000);
    const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    this.events = new WebSocketEventServer({
      server: http,
      path: '/events',
      verify: this.tokens.verifier,
      // Browsers only from the page itself; Node clients (the scenario's) send no Origin.
      allowedOrigins: [origin, origin.replace('127.0.0.1', 'localhost')],
      heartbeatMs: 10_000,
      logger: logger.child({ component: 'ws' }),
      metrics: { registry: this.registry },
    });
    this.manager = new ReliabilityManager({
      sinks: [this.events, this.ledger],
      metrics: this.registry,
      random: childRandom(seed, 'rel'),
      logger,
    });
    this.manager.fromConfig(options.config.loaded);
    // Legacy call sites (@rel/compat) run on the process default manager: make it this one.
    setDefaultManager(this.manager);
    this.client = new UpstreamClient(upstream.url, this.counters);
    this.transitions = new TransitionLog(this.manager);
    this.timeline = new Timeline(
      () => ({
        calls: this.counters.totals().calls,
        retries: this.retriesSoFar(),
        upstream: this.upstream.counters.total,
      }),
      { clock },
    );
    this.timeline.start();
  }

  /** Starts the upstream and the service; resolves once both listen. */
  static async start(options: DemoServiceOptions): Promise<DemoService> {
    const clock = options.clock ?? systemClock;
    const seed = options.seed ?? 1;
    const logger = options.logger ?? pino({ level: 'silent' });
    const upstream = await FlakyUpstream.start({ seed, clock });
    const http = createServer();
    try {
      // Listen first: the WebSocket server accepts browsers from the page's own origin only.
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(options.port ?? 0, '127.0.0.1', () => {
          http.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      await upstream.close();
      throw error;
    }
    const service = new DemoService(upstream, http, logger, clock, seed, options);
    http.on('request', createRequestHandler(service.routesApi(options.page)));
    return service;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    const { address, port } = this.http.address() as AddressInfo;
    return `http://${address}:${port}`;
  }

  /** `ws://127.0.0.1:<port>/events`. */
  get eventsUrl(): string {
    return `${this.url.replace(/^http/, 'ws')}/events`;
  }

  /**
   * Signs a short-lived WebSocket token for a demo user (demo only: no sign-in).
   * @throws `RelConfigError` naming the demo users when `userId` is not one.
   */
  issueToken(userId: unknown): TokenGrant {
    return this.tokens.issue(userId);
  }

  /** Switches the upstream's fault mode. @throws `RelConfigError` for a bad fault. */
  setFault(input: unknown): FaultSpec {
    const fault = this.upstream.setFault(input);
    this.logger.info({ fault }, 'upstream fault mode changed');
    return fault;
  }

  /** The system health as `application/health+json`. */
  health(): HealthJson {
    return this.manager.health({ serviceId: 'rel-demo', description: 'the @rel demo agent chat service' });
  }

  /** Everything the page draws. */
  state(): DemoState {
    this.transitions.watch();
    return buildState({
      manager: this.manager,
      counters: this.counters,
      ledger: this.ledger,
      users: this.users,
      legacyServices: this.legacyServices,
      startedAt: this.startedAt,
      phase: this.phase,
      fault: this.upstream.fault,
      upstreamUrl: this.upstream.url,
      upstream: this.upstream.counters.snapshot(),
      timeline: this.timeline.samples(),
      transitions: this.transitions.list(),
    });
  }

  /**
   * Closes everything it opened, in order: the sampling timer, the WebSocket server (drains,
   * then 1001), the manager, the HTTP server (every connection), the upstream. Idempotent.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.timeline.stop();
      this.transitions.dispose();
      await this.events.close();
      await this.manager.close();
      // Hand the process default back, unless another service took it meanwhile.
      if (getDefaultManager() === this.manager) setDefaultManager(undefined);
      await new Promise<void>((resolve) => {
        if (!this.http.listening) return resolve();
        this.http.close(() => resolve());
        this.http.closeAllConnections();
      });
      await this.upstream.close();
    })();
    return this.closing;
  }

  private retriesSoFar(): number {
    // Retries of every instance as its budget counted them (legacy calls included).
    let retries = 0;
    for (const instance of this.manager.instances())
      retries += instance.retry.budget?.snapshot(this.clock.now()).allowed ?? 0;
    return retries;
  }

  private routesApi(page: WebPage | undefined): Parameters<typeof createRequestHandler>[0] {
    return {
      page,
      health: () => this.health(),
      metrics: () => this.manager.metrics(),
      metricsContentType: this.manager.metricsContentType,
      state: () => this.state(),
      setFault: (input) => this.setFault(input),
      issueToken: (user) => this.issueToken(user),
    };
  }
}
