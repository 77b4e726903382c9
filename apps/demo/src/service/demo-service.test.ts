import { getDefaultManager } from '@rel/core';
import { HealthJsonSchema } from '@rel/health';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadDemoConfig } from './demo-config.js';
import { DemoService } from './demo-service.js';

let service: DemoService;
beforeAll(async () => {
  service = await DemoService.start({ config: await loadDemoConfig({ env: false }) });
});
afterAll(() => service.close());

/** The HTTP status of a WebSocket upgrade, or 101 when it opened. */
function upgrade(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', () => undefined);
  });
}

describe('DemoService (real HTTP and WebSocket servers on 127.0.0.1)', () => {
  it('listens on 127.0.0.1 only and registers the configured services in one manager', () => {
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(service.eventsUrl).toBe(`${service.url.replace('http', 'ws')}/events`);
    expect(service.manager.names()).toEqual(['openai', 'tools']);
    // Legacy call sites run on the process default manager: it is this one while the service runs.
    expect(getDefaultManager()).toBe(service.manager);
  });

  it('authenticates WebSocket upgrades: a token is needed, and browsers only from the page origin', async () => {
    const token = service.issueToken('alice').token;
    const url = `${service.eventsUrl}?token=${encodeURIComponent(token)}`;
    expect(await upgrade(`${service.eventsUrl}`)).toBe(401);
    expect(await upgrade(`${service.eventsUrl}?token=forged`)).toBe(401);
    expect(await upgrade(url, { origin: 'https://evil.example' })).toBe(403);
    expect(await upgrade(url, { origin: service.url })).toBe(101);
    expect(await upgrade(url)).toBe(101);
  });

  it('serves a valid health+json document and Prometheus text over its routes', async () => {
    const health = await (await fetch(`${service.url}/health`)).json();
    expect(HealthJsonSchema.safeParse(health).success).toBe(true);
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('rel_ws_auth_refusals_total');
    const state = service.state();
    expect(state.services.map((s) => s.name)).toEqual(['openai', 'tools']);
    expect(state.users.map((u) => u.id)).toEqual(['alice', 'bob']);
  });

  it('switches the upstream fault mode and reports it in the state', () => {
    service.setFault({ mode: 'rate_limited', retryAfterS: 2 });
    expect(service.state().fault).toMatchObject({
      mode: 'rate_limited',
      description: 'rate_limited: 35% answered 429 (Retry-After: 2 s)',
    });
  });

  it('closes everything and hands the process default manager back', async () => {
    const other = await DemoService.start({ config: await loadDemoConfig({ env: false }) });
    const url = other.url;
    expect(getDefaultManager()).toBe(other.manager);
    await other.close();
    await other.close(); // idempotent
    expect(getDefaultManager()).not.toBe(other.manager);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
