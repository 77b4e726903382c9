import type { Duplex } from 'node:stream';
import type { Clock } from '@rel/config';
import type { RawData, WebSocket } from 'ws';
import type { TokenClaims } from './auth/token-verifier.js';
import { Connection, type ConnectionContext } from './connection.js';
import { WS_CLOSE_CODES } from './protocol/close-codes.js';
import { parseClientMessage } from './protocol/parse-client-message.js';
import { WS_PROTOCOL_VERSION } from './protocol/server-frames.js';
import type { StreamRegistry } from './stream-registry.js';

const CLOSED = 3;

/** What {@link openConnection} registers the connection with. */
export interface ConnectionRegistry {
  readonly ctx: ConnectionContext;
  readonly streams: StreamRegistry;
  readonly connections: Set<Connection>;
}

/**
 * Wraps a freshly upgraded socket in a {@link Connection}: attaches it to its user's
 * stream, wires the socket's events (messages, pongs, errors, close) and sends
 * `rel.welcome`. Every socket error is handled here, so none can crash the process.
 */
export function openConnection(
  id: string,
  ws: WebSocket,
  socket: Duplex,
  claims: TokenClaims,
  registry: ConnectionRegistry,
): Connection {
  const { ctx, streams, connections } = registry;
  const { clock } = ctx.options;
  const now = clock.now();
  const stream = streams.open(claims.userId, now);
  const connection = new Connection(id, ws, socket, claims, stream, ctx);
  connections.add(connection);
  ctx.stats.connections++;
  ctx.stats.connectionsAccepted++;
  ws.on('message', (data: RawData, isBinary: boolean) => {
    connection.alive = true;
    if (connection.state === 'closed') return;
    const bytes = Array.isArray(data)
      ? Buffer.concat(data)
      : data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : data;
    const parsed = parseClientMessage(bytes, isBinary);
    if (parsed.ok) connection.handle(parsed.message, clock.now());
    else connection.reject(parsed.error);
  });
  ws.on('pong', () => void (connection.alive = true));
  ws.on('error', (error: Error & { code?: string }) => {
    // ws closes the connection with 1009 itself; this only counts it.
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') ctx.stats.oversizeCloses++;
    connection.log.debug({ err: error }, 'WebSocket error');
  });
  ws.on('close', (code: number) => {
    connection.detach();
    stream.lastActive = clock.now();
    if (connections.delete(connection)) ctx.stats.connections--;
    connection.log.debug({ code }, 'WebSocket closed');
  });
  connection.log.debug('WebSocket connected');
  // Nothing streams until the client answers with `resume`.
  connection.sendControl({
    type: 'rel.welcome',
    protocol: WS_PROTOCOL_VERSION,
    connection_id: id,
    user_id: claims.userId,
    head_seq: connection.welcomeHead,
    oldest_seq: stream.buffer.oldest?.seq ?? null,
    heartbeat_ms: ctx.options.heartbeatMs,
    max_payload_bytes: ctx.options.maxPayloadBytes,
    server_time: new Date(now).toISOString(),
  });
  return connection;
}

/**
 * Shutdown of every connection: keep writing to connections that are behind until they
 * caught up or `timeoutMs` passed (polling on `clock`), then close each with 1001 and wait
 * for the close handshakes, which ws bounds by its `closeTimeout`.
 */
export async function closeConnections(
  connections: Set<Connection>,
  clock: Clock,
  timeoutMs: number,
): Promise<void> {
  const deadline = clock.now() + timeoutMs;
  while (clock.now() < deadline && [...connections].some((c) => !c.drained)) {
    await new Promise<void>((resolve) => clock.setTimeout(resolve, 5));
  }
  const closed = [...connections].map(
    (c) =>
      new Promise<void>((resolve) =>
        c.ws.readyState === CLOSED ? resolve() : c.ws.once('close', () => resolve()),
      ),
  );
  for (const connection of connections) connection.close(WS_CLOSE_CODES.GOING_AWAY, 'server shutting down');
  await Promise.all(closed);
}
