import { afterEach, describe, expect, it } from 'vitest';
import { TestSocket, agentEvent, startServer, until, type TestServer } from './socket-harness.test-helper.js';

const KiB = 1024;
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('WebSocketEventServer backpressure', () => {
  let t: TestServer;
  afterEach(async () => t.close());

  it('closes a client that stops reading with 1013, keeps its memory bounded and serves the others', async () => {
    const highWaterBytes = 64 * KiB;
    t = await startServer({
      backpressure: { highWaterBytes, maxLagBytes: 2 * 1024 * KiB },
      replay: { maxEvents: 50_000, maxBytes: 64 * 1024 * KiB },
      closeTimeoutMs: 3_000,
    });
    const slow = await TestSocket.resumed(t.url, t.token('u1'), 0);
    const sameUser = await Promise.all([1, 2].map(() => TestSocket.resumed(t.url, t.token('u1'), 0)));
    const otherUser = await TestSocket.resumed(t.url, t.token('u2'), 0);
    slow.ws.pause(); // stops reading: the kernel buffers fill, then the server's

    const frameBytes = Buffer.byteLength(JSON.stringify(agentEvent('u1', 1, { pad: 4 * KiB })));
    let seq = 0;
    let worstLagMs = 0;
    while (t.server.stats().slowClientCloses === 0 && seq < 20_000) {
      seq++;
      t.server.send(agentEvent('u1', seq, { pad: 4 * KiB }));
      t.server.send(agentEvent('u2', seq));
      if (seq % 32 === 0) {
        await tick();
        // The readers keep up while the slow one stalls: measure how far behind they are.
        const started = Date.now();
        await until(() => sameUser.every((s) => s.events().length === seq), 2_000, 'fast readers');
        worstLagMs = Math.max(worstLagMs, Date.now() - started);
      }
    }
    const stats = t.server.stats();
    expect(stats.slowClientCloses).toBe(1);
    // Server-side buffering for the slow socket never went past one frame over the mark.
    expect(stats.peakConnectionBufferedBytes).toBeGreaterThan(0);
    expect(stats.peakConnectionBufferedBytes).toBeLessThanOrEqual(highWaterBytes + frameBytes + 1 * KiB);
    expect(stats.bufferedBytes).toBeLessThanOrEqual(64 * 1024 * KiB);
    expect(worstLagMs).toBeLessThan(2_000);

    await until(() => sameUser.every((s) => s.events().length === seq) && otherUser.events().length === seq);
    for (const s of sameUser) expect(s.seqs()).toEqual(range(1, seq));
    expect(otherUser.seqs()).toEqual(range(1, seq));

    slow.ws.resume();
    expect((await slow.closed).code).toBe(1013);
    // It resumes from its last seq and gets the rest: nothing was dropped silently.
    const before = slow.seqs();
    const again = await TestSocket.resumed(t.url, t.token('u1'), before.at(-1) ?? 0);
    await until(() => before.length + again.events().length === seq, 3_000, 'the rest after 1013');
    expect([...before, ...again.seqs()]).toEqual(range(1, seq));
  });

  it('coalesces superseded thinking events for a lagging client, visibly and without touching critical ones', async () => {
    t = await startServer({
      backpressure: { highWaterBytes: 16 * KiB, maxLagEvents: 20_000, maxLagBytes: 200 * 1024 * KiB },
      replay: { maxEvents: 50_000, maxBytes: 400 * 1024 * KiB },
    });
    const socket = await TestSocket.resumed(t.url, t.token('u1'), 0);
    socket.ws.pause();
    let seq = 0;
    // Fill the kernel buffers until the server holds back events: the connection now lags.
    while (t.server.stats().eventsSent === seq && seq < 5_000) {
      for (let i = 0; i < 16; i++) t.server.send(agentEvent('u1', ++seq, { pad: 8 * KiB, run: 'filler' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(t.server.stats().eventsSent).toBeLessThan(seq);
    const critical: number[] = [];
    let lastThinking = 0;
    for (let i = 1; i <= 60; i++) {
      t.server.send(agentEvent('u1', (lastThinking = ++seq), { kind: 'thinking', run: 'r' }));
      if (i % 10 === 0) {
        t.server.send(agentEvent('u1', ++seq, { run: 'r' }));
        critical.push(seq);
      }
    }
    t.server.send(agentEvent('u1', ++seq, { kind: 'completed', run: 'r' }));
    critical.push(seq);
    socket.ws.resume();
    await until(() => socket.accountedSeqs().length === seq, 5_000, 'the whole stream');

    expect(socket.accountedSeqs()).toEqual(range(1, seq)); // no silent gap: skipped seqs are announced in place
    const thinking = socket.events().filter((e) => e.type === 'agent_thinking');
    expect(thinking.map((e) => e.seq)).toEqual([lastThinking]); // only the newest survives
    for (const c of critical) expect(socket.seqs()).toContain(c);
    const coalesced = socket.frames
      .filter((f) => f.type === 'rel.coalesced')
      .flatMap((f) => f['seqs'] as number[]);
    expect(coalesced).toHaveLength(59);
    expect(t.server.stats().eventsCoalesced).toBe(59);
  });
});
