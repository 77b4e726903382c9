import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { pino, type Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventSink } from '../events/sink.js';
import type { AgentEvent } from '../events/envelope.js';
import type { TokenClaims } from './auth/token-verifier.js';
import type { Connection, ConnectionContext } from './connection.js';
import { FlushScheduler } from './flush-scheduler.js';
import { checkConnection, Heartbeat } from './heartbeat.js';
import { registerWebSocketMetrics } from './metrics.js';
import {
  resolveServerOptions,
  type ResolvedServerOptions,
  type WebSocketEventServerOptions,
} from './options.js';
import { closeConnections, openConnection } from './lifecycle.js';
import { publishEvent } from './publish.js';
import { createStats, type AuthRefusalReason, type WebSocketServerStats } from './stats.js';
import { StreamRegistry } from './stream-registry.js';
import { ThreadOwnership } from './thread-ownership.js';
import { authenticateUpgrade, createUpgradePolicy, refuseUpgrade, type UpgradePolicy } from './upgrade.js';
import { createUpgradeOnlyServer, listen, pathMatches, stopServer } from './http-endpoint.js';

/**
 * Delivers agent events to browsers and other clients over WebSockets (`ws` 8), as an
 * {@link EventSink}: authenticated at the HTTP upgrade, each event only to its user's
 * connections (and subscribed threads), numbered per user, replayable after a reconnect,
 * with bounded memory per slow client. See the "WebSocket delivery" section of the README
 * for the wire protocol.
 *
 * @example
 * ```ts
 * const events = new WebSocketEventServer({
 *   server: httpServer,                      // or { port: 8080 }, or neither and call handleUpgrade()
 *   path: '/events',
 *   verify: hmacTokenVerifier({ secret: process.env.WS_SECRET! }),
 *   allowedOrigins: ['https://chat.example.com'],
 *   replay: { maxEvents: 2_000, maxAgeMs: 300_000 },
 * });
 * dispatcher.addSink(events);               // send(event) never throws and never waits
 * process.on('SIGTERM', () => void events.close());
 * ```
 */
export class WebSocketEventServer implements EventSink {
  /** Sink name for logs and metrics. */
  readonly name = 'websocket';
  private readonly options: ResolvedServerOptions;
  private readonly logger: Logger;
  private readonly wss: WebSocketServer;
  private readonly streams: StreamRegistry;
  private readonly ownership = new ThreadOwnership();
  private readonly connections = new Set<Connection>();
  private readonly counters: WebSocketServerStats = createStats();
  private readonly ctx: ConnectionContext;
  private readonly heartbeat: Heartbeat;
  private readonly policy: UpgradePolicy;
  private readonly http: HttpServer | undefined;
  private readonly ownsHttp: boolean;
  private readonly started: Promise<void>;
  private unregisterMetrics: (() => void) | undefined;
  private closing: Promise<void> | undefined;
  private nextConnectionId = 0;

  /** @throws RelConfigError when an option is invalid (every bad field listed). */
  constructor(options: WebSocketEventServerOptions) {
    const o = resolveServerOptions(options);
    this.options = o;
    this.logger = o.logger ?? pino({ name: 'rel-ws', level: globalThis.process.env['LOG_LEVEL'] ?? 'info' });
    this.streams = new StreamRegistry(o.replay);
    const flusher = new FlushScheduler((error) => {
      this.counters.internalErrors++;
      this.logger.error({ err: error }, 'WebSocket write failed');
    });
    this.ctx = { options: o, stats: this.counters, logger: this.logger, ownership: this.ownership, flusher };
    this.policy = createUpgradePolicy(o);
    // closeTimeout bounds the close handshake of every connection (a non-reading client
    // never answers our close frame); @types/ws does not list it yet.
    const wsOptions: ConstructorParameters<typeof WebSocketServer>[0] & { closeTimeout: number } = {
      noServer: true,
      clientTracking: false,
      perMessageDeflate: false,
      maxPayload: o.maxPayloadBytes,
      closeTimeout: o.closeTimeoutMs,
    };
    this.wss = new WebSocketServer(wsOptions);
    this.heartbeat = new Heartbeat(o.clock, o.heartbeatMs, (now) => this.tick(now));
    this.ownsHttp = o.port !== undefined;
    this.http = o.server ?? (o.port === undefined ? undefined : createUpgradeOnlyServer());
    this.http?.on('upgrade', this.onUpgrade);
    const tasks: Promise<unknown>[] = [];
    if (this.http !== undefined && this.ownsHttp && o.port !== undefined)
      tasks.push(listen(this.http, o.port, o.host));
    if (o.metrics !== undefined) {
      const { registry, prefix } = o.metrics;
      tasks.push(
        registerWebSocketMetrics(registry, prefix, () => this.stats()).then((unregister) => {
          this.unregisterMetrics = unregister;
        }),
      );
    }
    this.started = Promise.all(tasks).then(() => undefined);
    // Failures surface through ready(); without this a caller who never awaits it would
    // see an unhandled rejection instead.
    this.started.catch((error: unknown) =>
      this.logger.error({ err: error }, 'WebSocket server failed to start'),
    );
    this.heartbeat.start();
  }

  /** Resolves once the server listens (with `port`) and metrics are registered (with `metrics`). */
  ready(): Promise<void> {
    return this.started;
  }

  /** The address of the HTTP server, once listening (undefined without one). */
  address(): AddressInfo | undefined {
    const address = this.http?.address();
    return typeof address === 'object' && address !== null ? address : undefined;
  }

  /**
   * Takes an HTTP upgrade request: for servers that route upgrades themselves (no
   * `server`/`port` option). Refuses with an HTTP error, or hands the socket to `ws`.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closing !== undefined) return this.refuse(socket, 503, 'shutting_down');
    if (!pathMatches(request.url, this.options.path)) return this.refuse(socket, 404, 'not_found');
    // Until ws takes the socket over, a reset during verification must not crash the process.
    const onError = (): void => void socket.destroy();
    socket.on('error', onError);
    void authenticateUpgrade(request, this.policy).then((decision) => {
      socket.off('error', onError);
      if (socket.destroyed) return;
      if (this.closing !== undefined) return this.refuse(socket, 503, 'shutting_down');
      if (!decision.ok) return this.refuse(socket, decision.status, decision.reason);
      this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, socket, decision.claims));
    });
  }

  /**
   * Routes one (already sequenced) event to its user's connections. Never throws and never
   * waits on a socket: a bad or out-of-order event is counted, logged and dropped here,
   * not passed on to the caller.
   */
  send(event: AgentEvent): void {
    try {
      if (this.closing !== undefined) {
        this.counters.eventsReceived++;
        this.counters.eventsRejected++;
        this.logger.debug({ seq: event.seq, user_id: event.user_id }, 'event after close() dropped');
        return;
      }
      publishEvent(event, this.streams, this.ownership, this.ctx);
    } catch (error) {
      this.counters.internalErrors++;
      this.logger.error({ err: error }, 'WebSocket delivery failed inside send()');
    }
  }

  /** A snapshot of the counters and gauges. */
  stats(): Readonly<WebSocketServerStats> {
    const c = this.counters;
    return Object.freeze({
      ...c,
      ...this.streams.totals(),
      authRefusalsByReason: Object.freeze({ ...c.authRefusalsByReason }),
    });
  }

  /**
   * Graceful shutdown: refuse new upgrades, keep writing to connections that are behind
   * (up to `closeTimeoutMs`), close every connection with 1001, stop the own HTTP server.
   * Idempotent.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.heartbeat.stop();
    this.http?.off('upgrade', this.onUpgrade);
    await closeConnections(this.connections, this.options.clock, this.options.closeTimeoutMs);
    this.unregisterMetrics?.();
    if (this.ownsHttp && this.http !== undefined) await stopServer(this.http);
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Leave other paths to other upgrade handlers on a shared server, if there are any.
    if (!pathMatches(request.url, this.options.path) && (this.http?.listenerCount('upgrade') ?? 0) > 1)
      return;
    this.handleUpgrade(request, socket, head);
  };

  private refuse(socket: Duplex, status: number, reason: AuthRefusalReason): void {
    this.counters.authRefusals++;
    this.counters.authRefusalsByReason[reason]++;
    this.logger.info({ status, reason }, 'WebSocket upgrade refused');
    refuseUpgrade(socket, status, reason);
  }

  private accept(ws: WebSocket, socket: Duplex, claims: TokenClaims): void {
    const id = `c${(++this.nextConnectionId).toString(36)}`;
    const registry = { ctx: this.ctx, streams: this.streams, connections: this.connections };
    openConnection(id, ws, socket, claims, registry);
  }

  private tick(now: number): void {
    const heartbeatMs = this.options.heartbeatMs;
    for (const connection of this.connections) checkConnection(connection, now, heartbeatMs, this.counters);
    this.streams.sweep(now);
  }
}
