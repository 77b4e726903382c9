import { FakeClock } from '@rel/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { TestSocket, startServer, until, type TestServer } from './socket-harness.test-helper.js';

const HEARTBEAT = 10_000;

/** Waits until everything the server sent before now has been answered (pongs included). */
async function roundTrip(socket: TestSocket): Promise<void> {
  const id = Math.random().toString(36).slice(2);
  socket.send({ type: 'ping', id });
  await socket.waitFor((f) => f.type === 'rel.pong' && f['id'] === id);
}

describe('WebSocketEventServer heartbeat (fake clock, real sockets)', () => {
  let t: TestServer;
  afterEach(async () => t.close());

  it('terminates a peer that stops answering pings within two intervals, and keeps live ones', async () => {
    const clock = new FakeClock();
    t = await startServer({ clock, heartbeatMs: HEARTBEAT });
    const live = await TestSocket.resumed(t.url, t.token('u1'), 0);
    const silent = await TestSocket.open(t.url, { token: t.token('u1'), autoPong: false });
    await silent.next('rel.welcome');
    let pings = 0;
    silent.ws.on('ping', () => pings++);

    await clock.advance(HEARTBEAT); // first ping
    await until(() => pings === 1);
    await roundTrip(live);
    expect(silent.closeCode).toBeUndefined();

    await clock.advance(HEARTBEAT); // no pong since the last ping: terminated
    expect((await silent.closed).code).toBe(1006);
    expect(t.server.stats()).toMatchObject({ heartbeatTerminations: 1, connections: 1 });

    for (let i = 0; i < 5; i++) {
      await clock.advance(HEARTBEAT);
      await roundTrip(live);
    }
    expect(live.closeCode).toBeUndefined();
    expect(t.server.stats().heartbeatTerminations).toBe(1);
  });

  it('closes a connection with 4401 once its token expires', async () => {
    const clock = new FakeClock(Date.now());
    t = await startServer({ clock, heartbeatMs: HEARTBEAT });
    const socket = await TestSocket.resumed(t.url, t.token('u1', { expiresAt: clock.now() + 25_000 }), 0);
    for (let i = 0; i < 2; i++) {
      await clock.advance(HEARTBEAT); // still valid: pinged, and it answers
      await roundTrip(socket);
    }
    expect(socket.closeCode).toBeUndefined();
    await clock.advance(HEARTBEAT); // 30 s > 25 s
    expect(await socket.closed).toEqual({ code: 4401, reason: 'token expired' });
    expect(t.server.stats().tokenExpiryCloses).toBe(1);
  });
});
