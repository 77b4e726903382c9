import { createServer, request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from './auth/hmac-token.js';
import { WebSocketEventServer } from './event-server.js';
import {
  TestSocket,
  agentEvent,
  silentLogger,
  startServer,
  type TestServer,
} from './socket-harness.test-helper.js';

const status = (promise: Promise<unknown>): Promise<number> =>
  promise.then(
    () => 101,
    (error: { status?: number }) => error.status ?? -1,
  );

describe('WebSocketEventServer authentication at the upgrade', () => {
  let t: TestServer;
  afterEach(async () => t.close());

  it('refuses a missing, expired, forged or tampered token with 401 before any WebSocket exists', async () => {
    t = await startServer();
    const forged = signToken({
      secret: 'another-secret-of-enough-length-0123456789',
      userId: 'u1',
      expiresAt: Date.now() + 60_000,
    });
    const valid = t.token('u1');
    const [body, sig] = [valid.slice(0, valid.lastIndexOf('.')), valid.slice(valid.lastIndexOf('.') + 1)];
    const otherUser = t.token('u2');
    const tampered = `${otherUser.slice(0, otherUser.lastIndexOf('.'))}.${sig}`; // u2's payload, u1's signature
    expect(body).not.toBe(otherUser.slice(0, otherUser.lastIndexOf('.')));

    expect(await status(TestSocket.open(t.url))).toBe(401);
    expect(
      await status(TestSocket.open(t.url, { token: t.token('u1', { expiresAt: Date.now() - 1 }) })),
    ).toBe(401);
    expect(await status(TestSocket.open(t.url, { token: forged }))).toBe(401);
    expect(await status(TestSocket.open(t.url, { token: tampered }))).toBe(401);
    expect(await status(TestSocket.open(t.url, { token: 'garbage' }))).toBe(401);

    const stats = t.server.stats();
    expect(stats.connectionsAccepted).toBe(0);
    expect(stats.authRefusals).toBe(5);
    expect(stats.authRefusalsByReason).toMatchObject({ missing_token: 1, invalid_token: 4 });
  });

  it('accepts the token from the Authorization header or the token query parameter', async () => {
    t = await startServer();
    const viaQuery = await TestSocket.open(t.url, { token: t.token('u1') });
    const viaHeader = await TestSocket.open(t.url, { headers: { authorization: `Bearer ${t.token('u1')}` } });
    expect((await viaQuery.next('rel.welcome')).user_id).toBe('u1');
    expect((await viaHeader.next('rel.welcome')).user_id).toBe('u1');
    // A malformed Authorization header is refused, not silently replaced by the query token.
    expect(
      await status(
        TestSocket.open(`${t.url}?token=${t.token('u1')}`, { headers: { authorization: 'Basic abc' } }),
      ),
    ).toBe(401);
  });

  it('refuses a wrong Origin with 403 when allowedOrigins is set, and a missing one only with requireOrigin', async () => {
    t = await startServer({ allowedOrigins: ['https://chat.example.com'] });
    const token = t.token('u1');
    expect(await status(TestSocket.open(t.url, { token, origin: 'https://evil.example.com' }))).toBe(403);
    expect(await status(TestSocket.open(t.url, { token, origin: 'https://CHAT.example.com:443' }))).toBe(101);
    expect(await status(TestSocket.open(t.url, { token }))).toBe(101);
    await t.close();
    t = await startServer({ allowedOrigins: ['https://chat.example.com'], requireOrigin: true });
    expect(await status(TestSocket.open(t.url, { token: t.token('u1') }))).toBe(403);
    expect(t.server.stats().authRefusalsByReason.forbidden_origin).toBe(1);
  });

  it('answers 500 when the verifier throws, and 404 off its path; it keeps serving', async () => {
    t = await startServer({
      path: '/events',
      verify: {
        verify: (token) => {
          if (token === 'boom') throw new Error('verifier down');
          return { userId: token };
        },
      },
    });
    expect(await status(TestSocket.open(`${t.url}events`, { token: 'boom' }))).toBe(500);
    expect(await status(TestSocket.open(`${t.url}other`, { token: 'u1' }))).toBe(404);
    const ok = await TestSocket.resumed(`${t.url}events`, 'u1');
    t.server.send(agentEvent('u1', 1));
    expect((await ok.next('tool_executing')).seq).toBe(1);
    expect(t.server.stats().authRefusalsByReason).toMatchObject({ verifier_error: 1, not_found: 1 });
  });

  it('shares an http.Server and answers plain HTTP on its own port with 426', async () => {
    t = await startServer();
    const code = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(t.url.replace('ws:', 'http:'), (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(code).toBe(426);

    const http = createServer();
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const shared = new WebSocketEventServer({
      server: http,
      path: '/ws',
      verify: { verify: (token) => ({ userId: token }) },
      logger: silentLogger,
      heartbeatMs: 0,
    });
    const port = (http.address() as { port: number }).port;
    const socket = await TestSocket.open(`ws://127.0.0.1:${port}/ws`, { token: 'u9' });
    expect((await socket.next('rel.welcome')).user_id).toBe('u9');
    await shared.close();
    expect((await socket.closed).code).toBe(1001);
    expect(http.listening).toBe(true); // not ours to close
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
});
