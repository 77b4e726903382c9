import { afterEach, describe, expect, it } from 'vitest';
import { TestSocket, agentEvent, startServer, until, type TestServer } from './socket-harness.test-helper.js';

describe('WebSocketEventServer inbound messages', () => {
  let t: TestServer;
  afterEach(async () => t.close());

  it('answers invalid JSON, unknown types, bad fields and binary with error frames and keeps serving', async () => {
    t = await startServer();
    const bystander = await TestSocket.resumed(t.url, t.token('u2'), 0);
    const socket = await TestSocket.resumed(t.url, t.token('u1'), 0);
    const errors = (): Record<string, unknown>[] => socket.frames.filter((f) => f.type === 'rel.error');

    socket.send('{not json');
    socket.send({ type: 'shutdown' });
    socket.send({ no: 'type' });
    socket.send({ type: 'resume', last_seq: -1 });
    socket.send({ type: 'subscribe', thread_ids: [], extra: true });
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await until(() => errors().length === 6);
    const [json, unknown, missing, badSeq, badSubscribe, binary] = errors();
    expect(json).toMatchObject({ code: 'invalid_json' });
    expect(unknown).toMatchObject({ code: 'unknown_type' });
    expect(String(unknown!['message'])).toContain('"shutdown"');
    expect(missing).toMatchObject({ code: 'unknown_type' });
    expect(badSeq).toMatchObject({
      code: 'invalid_message',
      issues: [{ path: 'last_seq', expected: 'a number >= 0' }],
    });
    expect(String(badSeq!['message'])).toContain('received -1');
    expect(badSubscribe).toMatchObject({ code: 'invalid_message' });
    expect((badSubscribe!['issues'] as { path: string }[]).map((i) => i.path).sort()).toEqual([
      'extra',
      'thread_ids',
    ]);
    expect(binary).toMatchObject({ code: 'invalid_message' });
    expect(t.server.stats().invalidMessages).toBe(6);

    socket.send({ type: 'ping', id: 'p1' });
    expect(await socket.next('rel.pong')).toMatchObject({ id: 'p1' });
    t.server.send(agentEvent('u1', 1));
    t.server.send(agentEvent('u2', 1));
    await until(() => socket.events().length === 1 && bystander.events().length === 1);
  });

  it('closes only the sender of an oversized frame, with 1009', async () => {
    t = await startServer({ maxPayloadBytes: 1_024 });
    const bystander = await TestSocket.resumed(t.url, t.token('u1'), 0);
    const socket = await TestSocket.resumed(t.url, t.token('u1'), 0);
    socket.send({ type: 'ping', id: 'x'.repeat(2_000) });
    expect((await socket.closed).code).toBe(1009);
    await until(() => t.server.stats().oversizeCloses === 1);
    t.server.send(agentEvent('u1', 1));
    await until(() => bystander.events().length === 1);
    expect(t.server.stats().connections).toBe(1);
  });

  it('never throws from send(), whatever it is given', async () => {
    t = await startServer();
    const socket = await TestSocket.resumed(t.url, t.token('u1'), 0);
    const garbage: unknown[] = [
      null,
      undefined,
      42,
      'event',
      {},
      { ...agentEvent('u1', 1), seq: 0 },
      { ...agentEvent('u1', 1), seq: '1' },
      { ...agentEvent('u1', 1), user_id: '' },
      { ...agentEvent('u1', 1), thread_id: 7 },
      { ...agentEvent('u1', 1), run_id: undefined },
    ];
    for (const value of garbage) expect(() => t.server.send(value as never)).not.toThrow();
    expect(t.server.stats()).toMatchObject({
      eventsReceived: garbage.length,
      eventsRejected: garbage.length,
    });
    t.server.send(agentEvent('u1', 1));
    await until(() => socket.events().length === 1);
  });

  it('validates whole events against the schema when validateEvents is on', async () => {
    t = await startServer({ validateEvents: true });
    const socket = await TestSocket.resumed(t.url, t.token('u1'), 0);
    t.server.send({ ...agentEvent('u1', 1), payload: { status: 'nope' } } as never);
    t.server.send(agentEvent('u1', 1));
    await until(() => socket.events().length === 1);
    expect(t.server.stats().eventsRejected).toBe(1);
  });
});
