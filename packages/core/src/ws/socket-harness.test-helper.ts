// Test helpers for the socket tests (not shipped: `*.test-helper.ts`). Real sockets on
// 127.0.0.1, every wait bounded.
import { pino } from 'pino';
import { WebSocket, type ClientOptions } from 'ws';
import type { AgentEvent } from '../events/envelope.js';
import { hmacTokenVerifier, signToken } from './auth/hmac-token.js';
import { WebSocketEventServer } from './event-server.js';
import type { WebSocketEventServerOptions } from './options.js';

export const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
export const silentLogger = pino({ level: 'silent' });

/** A frame as received (parsed JSON). */
export type Frame = { type: string; seq?: number; user_id?: string; [key: string]: unknown };

export interface TestServer {
  readonly server: WebSocketEventServer;
  readonly url: string;
  token(userId: string, options?: { expiresAt?: number; threadIds?: readonly string[] }): string;
  close(): Promise<void>;
}

export async function startServer(overrides: Partial<WebSocketEventServerOptions> = {}): Promise<TestServer> {
  const server = new WebSocketEventServer({
    port: 0,
    host: '127.0.0.1',
    verify: hmacTokenVerifier({ secret: SECRET }),
    logger: silentLogger,
    heartbeatMs: 0,
    ...overrides,
  });
  await server.ready();
  const url = `ws://127.0.0.1:${server.address()!.port}/`;
  return {
    server,
    url,
    token: (userId, options = {}) =>
      signToken({ secret: SECRET, userId, expiresAt: options.expiresAt ?? Date.now() + 60_000, ...options }),
    close: () => server.close(),
  };
}

/** Resolves `true` once `predicate` holds, polling every few ms; rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 3_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Publishes padded events for `userId` (whose reader has paused) until the kernel buffers
 * are full and the server holds events back. Returns the last seq sent.
 */
export async function fillUntilBehind(
  server: WebSocketEventServer,
  userId: string,
  from = 0,
): Promise<number> {
  let seq = from;
  while (server.stats().eventsSent === seq && seq < from + 10_000) {
    for (let i = 0; i < 16; i++) server.send(agentEvent(userId, ++seq, { pad: 16 * 1024, run: 'filler' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (server.stats().eventsSent === seq) throw new Error('the reader never fell behind');
  return seq;
}

/** A raw `ws` client that records every frame. */
export class TestSocket {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  closeCode: number | undefined;

  readonly ws: WebSocket;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data: Buffer) => this.frames.push(JSON.parse(data.toString('utf8')) as Frame));
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.closeCode = code;
        resolve({ code, reason: String(reason) });
      }),
    );
    ws.on('error', () => undefined);
  }

  /** Opens a socket; rejects with `{ status }` when the upgrade is refused. */
  static open(url: string, options: ClientOptions & { token?: string } = {}): Promise<TestSocket> {
    const { token, ...rest } = options;
    const target = token === undefined ? url : `${url}?token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(target, rest);
    const socket = new TestSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_req, res) => {
        reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
        res.resume();
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  /** Opens, waits for `rel.welcome`, sends `resume` (and optional subscriptions) and waits for the answer. */
  static async resumed(
    url: string,
    token: string,
    lastSeq?: number,
    threadIds?: string[],
  ): Promise<TestSocket> {
    const socket = await TestSocket.open(url, { token });
    await socket.next('rel.welcome');
    if (threadIds) {
      socket.send({ type: 'subscribe', thread_ids: threadIds });
      await socket.next('rel.subscribed');
    }
    socket.send(lastSeq === undefined ? { type: 'resume' } : { type: 'resume', last_seq: lastSeq });
    await socket.waitFor((f) => f.type === 'rel.resumed' || f.type === 'rel.resync_required');
    return socket;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Agent events received so far. */
  events(): Frame[] {
    return this.frames.filter((f) => !f.type.startsWith('rel.'));
  }

  seqs(): number[] {
    return this.events().map((f) => f.seq!);
  }

  /** Seqs delivered as events or reported as coalesced, in arrival order. */
  accountedSeqs(): number[] {
    return this.frames.flatMap((f) =>
      f.type === 'rel.coalesced' ? (f['seqs'] as number[]) : f.type.startsWith('rel.') ? [] : [f.seq!],
    );
  }

  /** The first frame matching `predicate` (already received or future). */
  async waitFor(predicate: (frame: Frame) => boolean, timeoutMs = 3_000): Promise<Frame> {
    await until(() => this.frames.some(predicate), timeoutMs, 'a frame');
    return this.frames.find(predicate)!;
  }

  /** The first frame of `type`. */
  next(type: string, timeoutMs?: number): Promise<Frame> {
    return this.waitFor((f) => f.type === type, timeoutMs);
  }
}

/** A valid wire event. `kind` picks a critical (`tool`) or coalescible (`thinking`) one. */
export function agentEvent(
  userId: string,
  seq: number,
  options: {
    kind?: 'tool' | 'thinking' | 'progress' | 'completed';
    run?: string;
    thread?: string;
    pad?: number;
  } = {},
): AgentEvent {
  const base = {
    run_id: options.run ?? `run-${userId}`,
    user_id: userId,
    agent_name: 'agent',
    seq,
    timestamp: new Date(1_700_000_000_000 + seq).toISOString(),
    ...(options.thread === undefined ? {} : { thread_id: options.thread }),
  };
  const text = 'x'.repeat(options.pad ?? 0);
  switch (options.kind ?? 'tool') {
    case 'thinking':
      return {
        ...base,
        type: 'agent_thinking',
        payload: { status: 'thinking', reasoning: `step ${seq}${text}` },
      };
    case 'progress':
      return { ...base, type: 'agent_progress', payload: { status: 'progress', message: `p ${seq}${text}` } };
    case 'completed':
      return {
        ...base,
        type: 'agent_completed',
        payload: { status: 'completed', execution_time_ms: 1, message: 'done' },
      };
    case 'tool':
      return {
        ...base,
        type: 'tool_executing',
        payload: {
          status: 'executing',
          tool_name: 'search',
          tool_call_id: `call-${seq}`,
          parameters: { q: text },
          message: `tool ${seq}`,
        },
      };
  }
}
