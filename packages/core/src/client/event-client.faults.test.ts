import { FakeClock, sequenceRandom } from '@rel/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { AgentEvent } from '../events/envelope.js';
import { agentEvent, until } from '../ws/socket-harness.test-helper.js';
import type { ClientError, ClientState } from './client-events.js';
import { WebSocketEventClient } from './event-client.js';

// The client against a scripted (real) ws server that misbehaves on purpose.

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

describe('WebSocketEventClient against a misbehaving server', () => {
  let wss: WebSocketServer;
  let client: WebSocketEventClient | undefined;
  afterEach(async () => {
    client?.close();
    client = undefined;
    for (const socket of wss.clients) socket.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });

  const welcome = (head = 0): string =>
    JSON.stringify({
      type: 'rel.welcome',
      protocol: 1,
      connection_id: 'c1',
      user_id: 'u1',
      head_seq: head,
      oldest_seq: null,
      heartbeat_ms: 0,
      max_payload_bytes: 1024,
      server_time: new Date(0).toISOString(),
    });

  async function scripted(onConnection: (socket: WebSocket, url: string) => void): Promise<string> {
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    wss.on('connection', (socket, request) => onConnection(socket, request.url ?? ''));
    return `ws://127.0.0.1:${(wss.address() as { port: number }).port}/`;
  }

  it('drops duplicates, reports invalid frames and server errors, and stays open', async () => {
    const url = await scripted((socket) => {
      socket.send(welcome());
      socket.on('message', () => {
        const e = JSON.stringify(agentEvent('u1', 1));
        socket.send(e);
        socket.send(e); // duplicate
        socket.send('{"type":"agent_started","seq":2}'); // fails the schema
        socket.send(JSON.stringify({ type: 'rel.error', code: 'invalid_state', message: 'nope' }));
        socket.send(JSON.stringify(agentEvent('u1', 2)));
      });
    });
    client = new WebSocketEventClient({ url, token: 't', WebSocket, pingIntervalMs: 0 });
    const seen = observe(client);
    client.connect();
    await until(() => seen.events.length === 2);
    expect(seen.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(seen.errors.map((e) => e.kind)).toEqual(['invalid_frame', 'server_error']);
    expect(client.stats()).toMatchObject({ received: 2, duplicates: 1, invalidFrames: 1 });
    expect(client.state).toBe('open');
  });

  it('asks the token provider on every attempt, comes straight back after 4401, and gives up on 1008', async () => {
    let connections = 0;
    const urls: string[] = [];
    const url = await scripted((socket, requestUrl) => {
      urls.push(requestUrl);
      connections++;
      socket.send(welcome());
      if (connections === 1) socket.close(4401, 'token expired');
      if (connections === 2) socket.close(1008, 'policy');
    });
    let issued = 0;
    const clock = new FakeClock();
    client = new WebSocketEventClient({
      url,
      token: () => `tok-${++issued}`,
      WebSocket,
      clock,
      pingIntervalMs: 0,
    });
    const seen = observe(client);
    client.connect();
    await until(() => client!.state === 'reconnecting');
    await clock.advance(0); // 4401: no backoff
    await until(() => client!.state === 'failed');
    expect(urls).toEqual(['/?token=tok-1', '/?token=tok-2']);
    expect(seen.errors.at(-1)).toMatchObject({ kind: 'connection', closeCode: 1008 });
  });

  it('treats two silent ping intervals as a dead path and reconnects', async () => {
    let connections = 0;
    const url = await scripted((socket) => {
      connections++;
      socket.send(welcome()); // then never answers anything
    });
    const clock = new FakeClock();
    client = new WebSocketEventClient({
      url,
      token: 't',
      WebSocket,
      clock,
      pingIntervalMs: 1_000,
      random: sequenceRandom([0]),
    });
    client.connect();
    await until(() => client!.state === 'open');
    await clock.advance(1_000); // ping sent, nothing back
    await clock.advance(1_000);
    expect(client.state).toBe('open');
    await clock.advance(1_000); // > 2 intervals of silence
    expect(client.state).toBe('reconnecting');
    await clock.next(); // the reconnect timer (random 0: no wait)
    await until(() => connections === 2 && client!.state === 'open');
  });

  it('stops after maxAttempts failed reconnects, and close() is final', async () => {
    const url = await scripted((socket) => socket.terminate());
    const clock = new FakeClock();
    client = new WebSocketEventClient({
      url,
      token: 't',
      WebSocket,
      clock,
      pingIntervalMs: 0,
      reconnect: { maxAttempts: 2 },
      random: sequenceRandom([0]),
    });
    const seen = observe(client);
    client.connect();
    for (let i = 0; i < 2; i++) {
      await until(() => client!.state === 'reconnecting');
      await clock.advance(0);
    }
    await until(() => client!.state === 'failed');
    expect(seen.states.filter((s) => s === 'reconnecting')).toHaveLength(2);
    client.connect();
    client.close();
    expect(client.state).toBe('closed');
  });
});
