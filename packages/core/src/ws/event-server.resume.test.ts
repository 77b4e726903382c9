import { FakeClock, seededRandom } from '@rel/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { TestSocket, agentEvent, startServer, until, type TestServer } from './socket-harness.test-helper.js';

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('WebSocketEventServer resume and replay', () => {
  let t: TestServer;
  afterEach(async () => t.close());

  it('a client killed mid-stream resumes from its last seq: the union is gap-free and duplicate-free', async () => {
    t = await startServer();
    const token = t.token('u1');
    const random = seededRandom(42);
    const total = 900;
    let published = 0;
    const publishing = (async () => {
      while (published < total) {
        for (let i = 0; i < 15 && published < total; i++) {
          published++;
          t.server.send(
            agentEvent('u1', published, { kind: random() < 0.25 ? 'thinking' : 'tool', pad: 200 }),
          );
        }
        await tick();
      }
    })();
    const received: number[] = [];
    let socket = await TestSocket.resumed(t.url, token, 0);
    const publishedAtKill: number[] = [];
    for (let kill = 0; kill < 3; kill++) {
      const killAt = received.length + 50 + Math.floor(random() * 150);
      await until(
        () => received.length + socket.accountedSeqs().length >= killAt,
        5_000,
        'events before the kill',
      );
      publishedAtKill.push(published);
      socket.ws.terminate(); // no close handshake: frames in flight are lost
      await socket.closed;
      received.push(...socket.accountedSeqs());
      socket = await TestSocket.resumed(t.url, token, received.at(-1));
    }
    await publishing;
    await until(
      () => received.length + socket.accountedSeqs().length === total,
      5_000,
      'the rest of the stream',
    );
    received.push(...socket.accountedSeqs());
    expect(received).toEqual(range(1, total));
    expect(publishedAtKill[0]).toBeLessThan(total); // the first kill really was mid-stream
  });

  it('events published during a paced replay are neither lost nor duplicated', async () => {
    t = await startServer({
      backpressure: { highWaterBytes: 16 * 1024 },
      replay: { maxBytes: 64 * 1024 * 1024 },
    });
    for (let seq = 1; seq <= 400; seq++) t.server.send(agentEvent('u1', seq, { pad: 32 * 1024 }));
    const socket = await TestSocket.open(t.url, { token: t.token('u1') });
    await socket.next('rel.welcome');
    socket.ws.pause(); // read nothing yet: the replay must wait for the socket to drain
    socket.send({ type: 'resume', last_seq: 0 });
    await until(() => t.server.stats().eventsSent > 0, 3_000, 'the replay to start');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.server.stats().eventsSent).toBeLessThan(400); // held back: the socket is full
    for (let seq = 401; seq <= 800; seq++) {
      t.server.send(agentEvent('u1', seq, { pad: 1_000 }));
      if (seq % 20 === 0) await tick();
    }
    expect(t.server.stats().eventsSent).toBeLessThan(400); // still replaying while live events arrived
    socket.ws.resume();
    await until(() => socket.events().length === 800, 5_000, 'all 800 events');
    expect(socket.seqs()).toEqual(range(1, 800));
    expect(t.server.stats().eventsReplayed).toBe(400);
  });

  it('a resume older than the replay buffer gets resync_required with the oldest seq, then the rest', async () => {
    t = await startServer({ replay: { maxEvents: 10 } });
    for (let seq = 1; seq <= 30; seq++) t.server.send(agentEvent('u1', seq));
    const socket = await TestSocket.resumed(t.url, t.token('u1'), 5);
    expect(await socket.next('rel.resync_required')).toEqual({
      type: 'rel.resync_required',
      reason: 'evicted',
      requested_seq: 5,
      oldest_seq: 21,
      head_seq: 30,
      resume_from: 21,
    });
    await until(() => socket.events().length === 10);
    expect(socket.seqs()).toEqual(range(21, 30));

    const current = await TestSocket.resumed(t.url, t.token('u1'), 25);
    expect(await current.next('rel.resumed')).toMatchObject({ last_seq: 25, head_seq: 30 });
    await until(() => current.events().length === 5);
    expect(current.seqs()).toEqual(range(26, 30));
  });

  it('keeps every buffer together within replay.maxTotalBytes: the largest lose their oldest events, a late resume resyncs', async () => {
    const maxTotalBytes = 256 * 1024;
    // One user's bound is the whole bound, so only the total can trim the heavy user below it.
    t = await startServer({ replay: { maxBytes: maxTotalBytes, maxTotalBytes } });
    // 40 light users (a few small events each) and one heavy user (2 KiB events).
    for (let u = 1; u <= 40; u++)
      for (let seq = 1; seq <= 3; seq++) t.server.send(agentEvent(`light${u}`, seq));
    for (let seq = 1; seq <= 400; seq++) t.server.send(agentEvent('heavy', seq, { pad: 2 * 1024 }));
    const stats = t.server.stats();
    expect(stats.bufferedBytes).toBeLessThanOrEqual(maxTotalBytes);
    expect(stats.eventsEvictedForMemory).toBeGreaterThan(0);
    expect(stats.bufferedEvents).toBeGreaterThanOrEqual(40 * 3); // the light users kept everything

    const light = await TestSocket.resumed(t.url, t.token('light7'), 0);
    await until(() => light.events().length === 3);
    expect(light.seqs()).toEqual([1, 2, 3]);

    const heavy = await TestSocket.resumed(t.url, t.token('heavy'), 10);
    const resync = await heavy.next('rel.resync_required');
    expect(resync).toMatchObject({ reason: 'evicted', requested_seq: 10, head_seq: 400 });
    const from = Number(resync['resume_from']);
    expect(from).toBeGreaterThan(11);
    await until(() => heavy.events().length === 400 - from + 1);
    expect(heavy.seqs()).toEqual(range(from, 400));
  });

  it('events older than maxAgeMs are gone (fake clock)', async () => {
    const clock = new FakeClock();
    t = await startServer({ clock, replay: { maxAgeMs: 60_000 } });
    for (let seq = 1; seq <= 5; seq++) t.server.send(agentEvent('u1', seq));
    await clock.advance(30_000);
    for (let seq = 6; seq <= 8; seq++) t.server.send(agentEvent('u1', seq));
    await clock.advance(30_001);
    const late = await TestSocket.resumed(t.url, t.token('u1'), 2);
    expect(await late.next('rel.resync_required')).toMatchObject({
      reason: 'evicted',
      oldest_seq: 6,
      resume_from: 6,
    });
    const onTime = await TestSocket.resumed(t.url, t.token('u1'), 5);
    await until(() => onTime.events().length === 3);
    expect(onTime.seqs()).toEqual([6, 7, 8]);
    expect(t.server.stats().bufferedEvents).toBe(3);
  });

  it('says resync when the client is ahead of the server or the server never saw the stream', async () => {
    t = await startServer();
    const unknown = await TestSocket.resumed(t.url, t.token('u1'), 57);
    expect(await unknown.next('rel.resync_required')).toMatchObject({
      reason: 'unknown',
      head_seq: 0,
      resume_from: 1,
    });
    // A stream first seen mid-way (e.g. after a server restart) starts where it is.
    t.server.send(agentEvent('u1', 100));
    await until(() => unknown.events().length === 1);
    expect(unknown.seqs()).toEqual([100]);

    const ahead = await TestSocket.resumed(t.url, t.token('u1'), 500);
    expect(await ahead.next('rel.resync_required')).toMatchObject({
      reason: 'ahead',
      oldest_seq: 100,
      resume_from: 100,
    });
    await until(() => ahead.events().length === 1);
  });

  it('a client welcomed before the stream began that resumes from 0 misses nothing', async () => {
    t = await startServer();
    const socket = await TestSocket.open(t.url, { token: t.token('u1') });
    expect(await socket.next('rel.welcome')).toMatchObject({ head_seq: 0, oldest_seq: null });
    t.server.send(agentEvent('u1', 57)); // this server's first event of the stream
    t.server.send(agentEvent('u1', 58));
    socket.send({ type: 'resume', last_seq: 0 });
    expect(await socket.next('rel.resumed')).toMatchObject({ last_seq: 56, head_seq: 58 });
    await until(() => socket.events().length === 2);
    expect(socket.seqs()).toEqual([57, 58]);
  });

  it('rejects a second resume, duplicate seqs and reports upstream gaps', async () => {
    t = await startServer();
    const socket = await TestSocket.resumed(t.url, t.token('u1'));
    socket.send({ type: 'resume', last_seq: 0 });
    expect(await socket.next('rel.error')).toMatchObject({ code: 'invalid_state' });

    t.server.send(agentEvent('u1', 1));
    t.server.send(agentEvent('u1', 2));
    t.server.send(agentEvent('u1', 2)); // duplicate: rejected
    t.server.send(agentEvent('u1', 1)); // reordered: rejected
    t.server.send(agentEvent('u1', 5)); // 3 and 4 lost upstream
    await until(() => socket.events().length === 3);
    expect(socket.seqs()).toEqual([1, 2, 5]);
    expect(socket.frames.find((f) => f.type === 'rel.resync_required')).toEqual({
      type: 'rel.resync_required',
      reason: 'gap',
      requested_seq: null,
      oldest_seq: null,
      head_seq: 2,
      resume_from: 5,
    });
    const stats = t.server.stats();
    expect(stats).toMatchObject({ eventsRejected: 2, seqGaps: 1, eventsReceived: 5 });
    // After a gap the buffer restarts at the new seq.
    const late = await TestSocket.resumed(t.url, t.token('u1'), 1);
    expect(await late.next('rel.resync_required')).toMatchObject({ reason: 'evicted', oldest_seq: 5 });
  });
});
