import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RelConfigError } from '@rel/config';
import { HEALTH_JSON_CONTENT_TYPE, type HealthJson } from '@rel/health';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveFault, type FaultSpec } from '../upstream/fault-modes.js';
import type { DemoState } from './demo-state.js';
import { createRequestHandler, type DemoRoutesApi } from './http-routes.js';

let server: Server | undefined;
afterEach(
  () =>
    new Promise<void>((resolve) => {
      if (server === undefined) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
      server = undefined;
    }),
);

async function serveApi(
  overrides: Partial<DemoRoutesApi> = {},
): Promise<{ base: string; faults: FaultSpec[] }> {
  const faults: FaultSpec[] = [];
  const api: DemoRoutesApi = {
    page: { html: '<h1>demo</h1>', css: 'body{}', js: 'console.log(1)' },
    health: () => ({ status: 'pass' }),
    metrics: () => Promise.resolve('rel_calls_total 1\n'),
    metricsContentType: 'text/plain; version=0.0.4; charset=utf-8',
    state: () => ({ phase: 'warm-up' }) as unknown as DemoState,
    setFault: (input) => {
      const fault = resolveFault(input);
      faults.push(fault);
      return fault;
    },
    issueToken: (user) => {
      if (user !== 'alice')
        throw new RelConfigError([{ path: 'user', received: user, expected: 'alice' }], 'token request');
      return { token: 'v1.x.y', userId: 'alice', expiresAt: 1 };
    },
    ...overrides,
  };
  server = createServer(createRequestHandler(api));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, faults };
}

const postJson = (url: string, body: string, type = 'application/json'): Promise<Response> =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': type } });

describe('the demo service routes', () => {
  it('serve /health as application/health+json, with 503 when it fails', async () => {
    let status: HealthJson['status'] = 'pass';
    const { base } = await serveApi({ health: () => ({ status }) });
    const ok = await fetch(`${base}/health`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe(HEALTH_JSON_CONTENT_TYPE);
    status = 'fail';
    expect((await fetch(`${base}/health`)).status).toBe(503);
  });

  it('serve /metrics in the Prometheus text format, the page and the state', async () => {
    const { base } = await serveApi();
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(await metrics.text()).toBe('rel_calls_total 1\n');
    expect(await (await fetch(`${base}/`)).text()).toBe('<h1>demo</h1>');
    expect((await fetch(`${base}/app.js`)).headers.get('content-type')).toContain('text/javascript');
    expect(await (await fetch(`${base}/api/state`)).json()).toEqual({ phase: 'warm-up' });
  });

  it('switch the fault mode with POST /api/fault, and answer bad input with 400 naming the field', async () => {
    const { base, faults } = await serveApi();
    const ok = await postJson(`${base}/api/fault`, JSON.stringify({ mode: 'outage' }));
    expect(ok.status).toBe(200);
    expect(faults.map((f) => f.mode)).toEqual(['outage']);
    const bad = await postJson(`${base}/api/fault`, JSON.stringify({ mode: 'meltdown' }));
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: string; code: string; issues: Array<{ path: string }> };
    expect(body.code).toBe('REL_CONFIG_INVALID');
    expect(body.issues[0]!.path).toBe('mode');
    expect(body.error).toContain('received "meltdown"');
    expect((await postJson(`${base}/api/fault`, '{nope')).status).toBe(400);
    expect(
      (await postJson(`${base}/api/fault`, 'mode=outage', 'application/x-www-form-urlencoded')).status,
    ).toBe(415);
    expect(faults).toHaveLength(1);
  });

  it('hand out demo-only tokens for known users, and say so', async () => {
    const { base } = await serveApi();
    const ok = (await (await fetch(`${base}/api/token?user=alice`)).json()) as {
      token: string;
      note: string;
    };
    expect(ok.token).toBe('v1.x.y');
    expect(ok.note).toMatch(/^Demo only/);
    const refused = await fetch(`${base}/api/token?user=mallory`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toContain('user: received "mallory"');
  });

  it('answer unknown paths with 404 and wrong methods with 405 and Allow', async () => {
    const { base } = await serveApi();
    expect((await fetch(`${base}/admin`)).status).toBe(404);
    const wrong = await fetch(`${base}/api/fault`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('without a page (scenario mode) say how to get one', async () => {
    const { base } = await serveApi({ page: undefined });
    expect(await (await fetch(`${base}/`)).text()).toContain('npm run demo -- --serve');
    expect((await fetch(`${base}/app.js`)).status).toBe(404);
  });
});
