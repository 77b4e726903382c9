// Shared by the ws-* suites: the two servers under test (a raw `ws` broadcast and
// @rel/core's WebSocketEventServer), the event payloads, and a pool of WebSocket clients
// that runs in a worker thread, so that reading and counting frames does not share the
// server's event loop. This file is also the worker's entry point; it exports no suite.
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { hmacTokenVerifier, signToken, WebSocketEventServer, type AgentEvent } from '@rel/core';
import { WebSocket, WebSocketServer } from 'ws';

const SECRET = 'bench-secret-bench-secret-bench-secret!';
const USER = 'bench-user';
const TEXT = { binary: false } as const;

/** The two servers, listening on 127.0.0.1. */
export interface Servers {
  readonly rawUrl: string;
  readonly relUrl: string;
  readonly token: string;
  /** Raw `ws` broadcast: serialize once, write the same Buffer to every client. */
  broadcastRaw(event: AgentEvent): void;
  /** @rel/core: route to the user's connections (all clients are one user's tabs). */
  sendRel(event: AgentEvent): void;
  close(): Promise<void>;
}

export async function startServers(): Promise<Servers> {
  const raw = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await new Promise<void>((resolve) => raw.once('listening', () => resolve()));
  // The server's default pino logger honours LOG_LEVEL; keep the report on stdout clean.
  process.env['LOG_LEVEL'] ??= 'silent';
  const rel = new WebSocketEventServer({
    port: 0,
    verify: hmacTokenVerifier({ secret: SECRET }),
    heartbeatMs: 0,
    // A round must fit in the replay window, so that no reader is closed as "behind".
    replay: { maxEvents: 100_000, maxBytes: 512 * 1024 * 1024 },
    backpressure: { maxLagEvents: 90_000, maxLagBytes: 256 * 1024 * 1024 },
  });
  await rel.ready();
  return {
    rawUrl: `ws://127.0.0.1:${(raw.address() as { port: number }).port}/`,
    relUrl: `ws://127.0.0.1:${rel.address()!.port}/`,
    token: signToken({ secret: SECRET, userId: USER, expiresAt: Date.now() + 3_600_000 }),
    broadcastRaw(event) {
      const data = Buffer.from(JSON.stringify(event));
      for (const client of raw.clients) client.send(data, TEXT);
    },
    sendRel: (event) => rel.send(event),
    async close() {
      for (const client of raw.clients) client.terminate();
      await new Promise<void>((resolve) => raw.close(() => resolve()));
      await rel.close();
    },
  };
}

/** A critical event whose `tool_call_id` carries its send time (epoch ms, sub-ms precision). */
export function benchEvent(seq: number): AgentEvent {
  return {
    type: 'tool_executing',
    run_id: 'bench-run',
    thread_id: 'bench-thread',
    user_id: USER,
    agent_name: 'bench-agent',
    seq,
    timestamp: new Date().toISOString(),
    payload: {
      status: 'executing',
      tool_name: 'search',
      tool_call_id: `t${performance.timeOrigin + performance.now()}`,
      parameters: { query: 'reliability of agent event delivery over websockets', limit: 10, page: seq % 7 },
      message: 'searching the knowledge base',
    },
  };
}

type Target = 'raw' | 'rel';
type ToWorker = { cmd: 'expect'; target: Target; count: number } | { cmd: 'status' } | { cmd: 'close' };
type FromWorker =
  | { ready: true }
  | { armed: Target }
  | { done: Target; latenciesMs: number[] }
  | { status: string }
  | { error: string };

/** A round that has not completed after this long is reported, not waited for forever. */
const ROUND_TIMEOUT_MS = 60_000;

/** The main thread's handle on the client worker. */
export interface ClientPool {
  /**
   * Arms the counters for a round: resolves once the worker is ready to count (so no frame
   * of the round can reach it before), with `delivered`, which settles when every client of
   * `target` has received `count` events (latency of every delivery, ms).
   */
  expect(target: Target, count: number): Promise<{ delivered: Promise<number[]> }>;
  close(): Promise<void>;
}

export async function startClientPool(servers: Servers, clients: number): Promise<ClientPool> {
  // Workers do not inherit the TypeScript loader: register tsx first, then load this file.
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: {
      kind: 'ws-client-pool',
      rawUrl: servers.rawUrl,
      relUrl: servers.relUrl,
      token: servers.token,
      clients,
    },
  });
  worker.on('error', (error) => {
    throw error;
  });
  const pending: Array<(message: FromWorker) => void> = [];
  worker.on('message', (message: FromWorker) => pending.shift()?.(message));
  const next = (): Promise<FromWorker> => new Promise((resolve) => pending.push(resolve));
  await next();
  const awaitRound = async (target: Target, done: Promise<FromWorker>): Promise<number[]> => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), ROUND_TIMEOUT_MS)),
    );
    const message = await Promise.race([done, timedOut]);
    clearTimeout(timer);
    if (message === 'timeout') {
      // Replies are matched in order: the status reply is the next message, so `done` gets it.
      worker.postMessage({ cmd: 'status' } satisfies ToWorker);
      throw new Error(
        `${target} round did not complete in ${ROUND_TIMEOUT_MS} ms: ${JSON.stringify(await done)}`,
      );
    }
    if ('error' in message) throw new Error(`client pool: ${message.error}`);
    return 'done' in message ? message.latenciesMs : [];
  };
  return {
    async expect(target, count) {
      const armed = next();
      const done = next();
      worker.postMessage({ cmd: 'expect', target, count } satisfies ToWorker);
      const reply = await armed;
      if ('error' in reply) throw new Error(`client pool: ${reply.error}`);
      const delivered = awaitRound(target, done);
      delivered.catch(() => undefined); // the caller awaits it; do not report it unhandled meanwhile
      return { delivered };
    },
    async close() {
      worker.postMessage({ cmd: 'close' } satisfies ToWorker);
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

// ---- worker side ----

async function runPool(data: {
  rawUrl: string;
  relUrl: string;
  token: string;
  clients: number;
}): Promise<void> {
  const port = parentPort!;
  const state = {
    raw: { want: 0, got: 0, latencies: [] as number[] },
    rel: { want: 0, got: 0, latencies: [] as number[] },
  };
  const marker = '"tool_call_id":"t';
  const onFrame = (target: Target, text: string): void => {
    if (text.startsWith('{"type":"rel.')) return;
    const s = state[target];
    s.got++;
    const at = text.indexOf(marker);
    if (at >= 0)
      s.latencies.push(
        performance.timeOrigin + performance.now() - parseFloat(text.slice(at + marker.length)),
      );
    if (s.got === s.want) port.postMessage({ done: target, latenciesMs: s.latencies } satisfies FromWorker);
    else if (s.got > s.want)
      port.postMessage({ error: `${target}: ${s.got} frames for ${s.want} expected` } satisfies FromWorker);
  };
  const open = (target: Target, url: string): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(target === 'rel' ? `${url}?token=${data.token}` : url, {
        perMessageDeflate: false,
      });
      socket.on('message', (raw: Buffer) => {
        const text = raw.toString('utf8');
        if (target === 'rel' && text.startsWith('{"type":"rel.welcome"')) socket.send('{"type":"resume"}');
        else if (target === 'rel' && text.startsWith('{"type":"rel.resumed"')) resolve(socket);
        else onFrame(target, text);
      });
      if (target === 'raw') socket.once('open', () => resolve(socket));
      socket.once('error', reject);
      socket.on('close', (code) => {
        if (!closing)
          port.postMessage({ error: `a ${target} client was closed with ${code}` } satisfies FromWorker);
      });
    });
  let closing = false;
  const sockets: WebSocket[] = [];
  for (let i = 0; i < data.clients; i++)
    sockets.push(await open('raw', data.rawUrl), await open('rel', data.relUrl));
  port.on('message', (message: ToWorker) => {
    if (message.cmd === 'status') {
      port.postMessage({
        status: JSON.stringify({
          raw: { ...state.raw, latencies: undefined },
          rel: { ...state.rel, latencies: undefined },
        }),
      } satisfies FromWorker);
      return;
    }
    if (message.cmd === 'close') {
      closing = true;
      for (const socket of sockets) socket.terminate();
      port.close();
      return;
    }
    state[message.target] = { want: message.count * data.clients, got: 0, latencies: [] };
    port.postMessage({ armed: message.target } satisfies FromWorker);
  });
  port.postMessage({ ready: true } satisfies FromWorker);
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === 'ws-client-pool') {
  await runPool(workerData as { rawUrl: string; relUrl: string; token: string; clients: number });
}
