import { seededRandom } from '@rel/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSocket, agentEvent, startServer, until, type TestServer } from './socket-harness.test-helper.js';

describe('WebSocketEventServer routing', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startServer();
  });
  afterAll(async () => t.close());

  it('50 users x 2 connections, randomly interleaved events: each gets exactly its own stream, in order', async () => {
    const users = Array.from({ length: 50 }, (_, i) => `user-${i}`);
    const sockets = await Promise.all(
      users.flatMap((user) => [0, 1].map(() => TestSocket.resumed(t.url, t.token(user), 0))),
    );
    const random = seededRandom(7);
    const sent = new Map(users.map((u) => [u, 0]));
    for (let i = 0; i < 3_000; i++) {
      const user = users[Math.floor(random() * users.length)]!;
      const seq = sent.get(user)! + 1;
      sent.set(user, seq);
      t.server.send(
        agentEvent(user, seq, { kind: random() < 0.3 ? 'thinking' : 'tool', run: `${user}-r${seq >> 4}` }),
      );
    }
    await until(
      () => sockets.every((s, i) => s.accountedSeqs().length === sent.get(users[i >> 1]!)),
      5_000,
      'every stream',
    );
    sockets.forEach((socket, i) => {
      const user = users[i >> 1]!;
      const events = socket.events();
      expect(events.every((e) => e.user_id === user)).toBe(true); // zero events to the wrong user
      // Complete and in order (a coalesced thinking event is reported in its place).
      expect(socket.accountedSeqs()).toEqual(Array.from({ length: sent.get(user)! }, (_, k) => k + 1));
    });
    const stats = t.server.stats();
    expect(stats.eventsSent + stats.eventsCoalesced).toBe(3_000 * 2);
    expect(stats.eventsRejected).toBe(0);
    await Promise.all(sockets.map((s) => (s.ws.close(), s.closed)));
  });

  it('a thread subscription narrows the stream; another user’s thread is refused', async () => {
    const [alice, bob] = ['alice', 'bob'];
    const everything = await TestSocket.resumed(t.url, t.token(alice), 0);
    const onlyA = await TestSocket.resumed(t.url, t.token(alice), 0, ['thread-a']);
    t.server.send(agentEvent(bob, 1, { thread: 'thread-bob' }));
    t.server.send(agentEvent(alice, 1, { thread: 'thread-a' }));
    t.server.send(agentEvent(alice, 2, { thread: 'thread-b' }));
    t.server.send(agentEvent(alice, 3));
    t.server.send(agentEvent(alice, 4, { thread: 'thread-a' }));
    await until(() => everything.events().length === 4 && onlyA.events().length === 2);
    expect(onlyA.seqs()).toEqual([1, 4]);

    onlyA.send({ type: 'subscribe', thread_ids: ['thread-bob'] });
    const refused = await onlyA.next('rel.error');
    expect(refused).toMatchObject({ code: 'forbidden_thread' });
    expect(String(refused['message'])).toContain('thread-bob');

    // A token that lists its threads allows only those.
    const scoped = await TestSocket.resumed(t.url, t.token(alice, { threadIds: ['thread-a'] }), 4);
    scoped.send({ type: 'subscribe', thread_ids: ['thread-b'] });
    expect(await scoped.next('rel.error')).toMatchObject({ code: 'forbidden_thread' });

    onlyA.send({ type: 'unsubscribe' });
    await until(() => onlyA.frames.filter((f) => f.type === 'rel.subscribed').length === 2);
    t.server.send(agentEvent(alice, 5, { thread: 'thread-b' }));
    await until(() => onlyA.events().length === 3);
    expect(onlyA.seqs()).toEqual([1, 4, 5]);
    for (const s of [everything, onlyA, scoped]) s.ws.close();
  });
});
