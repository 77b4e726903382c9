import { createServer, Socket, type Server } from 'node:net';
import { FakeClock, sequenceRandom } from '@rel/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { AgentEvent } from '../events/envelope.js';
import { agentEvent, startServer, until, type TestServer } from '../ws/socket-harness.test-helper.js';
import type { ClientError, ClientState } from './client-events.js';
import { WebSocketEventClient } from './event-client.js';
import type { WebSocketEventClientOptions } from './client-options.js';

/** A TCP relay in front of the server whose connections can be cut, like a network failure. */
async function relay(targetPort: number): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const pairs = new Set<[Socket, Socket]>();
  const server: Server = createServer((inbound) => {
    const outbound = new Socket().connect(targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [inbound, outbound];
    pairs.add(pair);
    inbound.pipe(outbound).pipe(inbound);
    for (const s of pair) s.on('error', () => undefined).on('close', () => pairs.delete(pair));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cut = (): void => {
    for (const pair of pairs) for (const socket of pair) socket.destroy();
  };
  return {
    url: `ws://127.0.0.1:${(server.address() as { port: number }).port}/`,
    cut,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        cut();
      }),
  };
}

function observe(client: WebSocketEventClient): {
  events: AgentEvent[];
  states: ClientState[];
  errors: ClientError[];
} {
  const seen = { events: [] as AgentEvent[], states: [] as ClientState[], errors: [] as ClientError[] };
  client.onEvent((e) => seen.events.push(e));
  client.onStateChange((s) => seen.states.push(s.state));
  client.onError((e) => seen.errors.push(e));
  return seen;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('WebSocketEventClient against the real server', () => {
  let t: TestServer;
  let client: WebSocketEventClient | undefined;
  afterEach(async () => {
    client?.close();
    client = undefined;
    await t.close();
  });

  const make = (options: Partial<WebSocketEventClientOptions> & { url: string }): WebSocketEventClient =>
    (client = new WebSocketEventClient({
      token: () => t.token('u1'),
      WebSocket,
      pingIntervalMs: 0,
      ...options,
    }));

  it('connects, resumes from the head it was welcomed with, and delivers events in order', async () => {
    t = await startServer();
    t.server.send(agentEvent('u1', 1)); // before the client: not replayed (it starts at the head)
    const c = make({ url: t.url });
    const seen = observe(c);
    c.connect();
    await until(() => c.state === 'open');
    for (let seq = 2; seq <= 20; seq++) t.server.send(agentEvent('u1', seq));
    await until(() => seen.events.length === 19);
    expect(seen.events.map((e) => e.seq)).toEqual(range(2, 20));
    expect(seen.states.slice(0, 2)).toEqual(['connecting', 'open']);
    expect(c.lastSeq).toBe(20);
  });

  it('survives network cuts mid-stream: reconnects with backoff, resumes, every event exactly once', async () => {
    t = await startServer();
    const net = await relay(t.server.address()!.port);
    const clock = new FakeClock();
    const c = make({ url: net.url, clock, random: sequenceRandom([0.5]) });
    const seen = observe(c);
    c.connect();
    await until(() => c.state === 'open');
    let seq = 0;
    for (let cut = 0; cut < 3; cut++) {
      for (let i = 0; i < 40; i++)
        t.server.send(agentEvent('u1', ++seq, { kind: i % 4 === 0 ? 'thinking' : 'tool' }));
      await until(() => seen.events.length >= seq - 20, 3_000, 'some events');
      net.cut(); // frames in flight are lost; the server keeps buffering
      for (let i = 0; i < 10; i++) t.server.send(agentEvent('u1', ++seq));
      await until(() => c.state === 'reconnecting', 3_000, 'the client to notice');
      await clock.advance(250); // first attempt after a good connection: U(0, 500) with random 0.5
      await until(() => c.state === 'open', 3_000, 'the reconnect');
      await tick();
    }
    await until(() => seen.events.length + c.stats().coalesced === seq, 3_000, 'the whole stream');
    expect(seen.events.map((e) => e.seq).every((s, i, all) => i === 0 || s > all[i - 1]!)).toBe(true);
    expect(c.lastSeq).toBe(seq);
    expect(c.stats()).toMatchObject({ reconnects: 3, gaps: 0, resyncs: 0 });
    await net.close();
  });

  it('surfaces resync_required when its last seq is too old, then continues', async () => {
    t = await startServer({ replay: { maxEvents: 10 } });
    for (let seq = 1; seq <= 30; seq++) t.server.send(agentEvent('u1', seq));
    const c = make({ url: t.url, lastSeq: 2 });
    const seen = observe(c);
    const resyncs: unknown[] = [];
    c.onResync((f) => resyncs.push(f));
    c.connect();
    await until(() => seen.events.length === 10);
    expect(resyncs).toEqual([
      expect.objectContaining({ reason: 'evicted', requested_seq: 2, resume_from: 21 }),
    ]);
    expect(seen.events.map((e) => e.seq)).toEqual(range(21, 30));
  });

  it('keeps its thread subscription across reconnects', async () => {
    t = await startServer();
    const net = await relay(t.server.address()!.port);
    const clock = new FakeClock();
    const c = make({ url: net.url, clock, threadIds: ['a'], random: sequenceRandom([0]) });
    const seen = observe(c);
    c.connect();
    await until(() => c.state === 'open');
    t.server.send(agentEvent('u1', 1, { thread: 'a' }));
    t.server.send(agentEvent('u1', 2, { thread: 'b' }));
    await until(() => seen.events.length === 1);
    net.cut();
    await until(() => c.state === 'reconnecting');
    t.server.send(agentEvent('u1', 3, { thread: 'a' }));
    t.server.send(agentEvent('u1', 4, { thread: 'b' }));
    await clock.advance(0);
    await until(() => seen.events.length === 2);
    expect(seen.events.map((e) => e.seq)).toEqual([1, 3]);
    await net.close();
  });
});
