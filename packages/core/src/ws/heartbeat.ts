import type { Clock, TimerHandle } from '@rel/config';
import type { Connection } from './connection.js';
import { WS_CLOSE_CODES } from './protocol/close-codes.js';
import type { WebSocketServerStats } from './stats.js';

/** Housekeeping interval when the heartbeat is off: expired tokens and old events still go. */
const HOUSEKEEPING_MS = 30_000;

const OPEN = 1;

/**
 * Checks one connection, once per interval: closes it with 4401 when its token expired,
 * terminates it when it did not answer the previous ping (so a dead peer is gone within
 * two intervals of its last sign of life), else pings it.
 */
export function checkConnection(
  connection: Connection,
  now: number,
  heartbeatMs: number,
  stats: WebSocketServerStats,
): void {
  if (connection.state === 'closed') return;
  const expiresAt = connection.claims.expiresAt;
  if (expiresAt !== undefined && now >= expiresAt) {
    stats.tokenExpiryCloses++;
    connection.close(WS_CLOSE_CODES.TOKEN_EXPIRED, 'token expired');
    return;
  }
  if (heartbeatMs === 0) return;
  if (!connection.alive) {
    stats.heartbeatTerminations++;
    connection.log.info('no pong within two heartbeat intervals; terminating');
    connection.detach();
    connection.ws.terminate();
    return;
  }
  connection.alive = false;
  if (connection.ws.readyState === OPEN) connection.ws.ping();
}

/**
 * One timer for the whole server (not one per connection), re-armed after each tick on
 * the injected clock, so tests drive it with a fake clock.
 */
export class Heartbeat {
  private handle: TimerHandle;
  private stopped = false;
  readonly intervalMs: number;

  private readonly clock: Clock;
  private readonly tick: (now: number) => void;

  constructor(clock: Clock, heartbeatMs: number, tick: (now: number) => void) {
    this.clock = clock;
    this.tick = tick;
    this.intervalMs = heartbeatMs > 0 ? heartbeatMs : HOUSEKEEPING_MS;
  }

  start(): void {
    if (this.handle !== undefined || this.stopped) return;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private readonly run = (): void => {
    this.handle = undefined;
    if (this.stopped) return;
    // Re-arm first: a throwing tick must not stop the heartbeat for good.
    this.arm();
    this.tick(this.clock.now());
  };

  private arm(): void {
    this.handle = this.clock.setTimeout(this.run, this.intervalMs);
    // Housekeeping alone must not keep a process alive (the listening socket does that).
    (this.handle as { unref?: () => void } | undefined)?.unref?.();
  }
}
