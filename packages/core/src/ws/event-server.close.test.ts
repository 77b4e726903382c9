import { describe, expect, it } from 'vitest';
import { TestSocket, agentEvent, fillUntilBehind, startServer, until } from './socket-harness.test-helper.js';

describe('WebSocketEventServer.close()', () => {
  it('flushes a lagging client within the bound, then closes everyone with 1001', async () => {
    const t = await startServer({
      backpressure: { highWaterBytes: 16 * 1024 },
      replay: { maxBytes: 64 * 1024 * 1024 },
    });
    const held = await TestSocket.open(t.url, { token: t.token('u1') }); // never resumed
    const lagging = await TestSocket.resumed(t.url, t.token('u1'), 0);
    lagging.ws.pause();
    const seq = await fillUntilBehind(t.server, 'u1');
    expect(t.server.stats().eventsSent).toBeLessThan(seq); // it is behind when close() starts
    const closing = t.server.close();
    expect(t.server.close()).toBe(closing); // idempotent
    t.server.send(agentEvent('u1', seq + 1)); // after close(): dropped and counted, never thrown
    setTimeout(() => lagging.ws.resume(), 50);
    await closing;
    expect((await lagging.closed).code).toBe(1001);
    expect((await held.closed).code).toBe(1001);
    expect(lagging.seqs()).toHaveLength(seq); // everything it was owed arrived before the close
    expect(t.server.stats()).toMatchObject({ connections: 0, eventsRejected: 1 });
    await expect(TestSocket.open(t.url, { token: t.token('u1') })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('does not wait past closeTimeoutMs for a client that never reads', async () => {
    const t = await startServer({
      backpressure: { highWaterBytes: 16 * 1024 },
      replay: { maxBytes: 64 * 1024 * 1024 },
      closeTimeoutMs: 200,
    });
    const stuck = await TestSocket.resumed(t.url, t.token('u1'), 0);
    stuck.ws.pause();
    expect(await fillUntilBehind(t.server, 'u1')).toBeGreaterThan(t.server.stats().eventsSent);
    const started = Date.now();
    await t.server.close();
    // Drain bound + close-handshake bound, both 200 ms; generous slack for a busy machine.
    expect(Date.now() - started).toBeLessThan(2_000);
    stuck.ws.resume();
    await stuck.closed;
    await until(() => t.server.stats().connections === 0);
  });
});
