import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { TestSocket, agentEvent, startServer, until } from './socket-harness.test-helper.js';

describe('WebSocket metrics in a prom-client registry', () => {
  it('exposes the stats at scrape time and removes them on close', async () => {
    const registry = new Registry();
    const t = await startServer({ metrics: { registry } });
    const socket = await TestSocket.resumed(t.url, t.token('u1'), 0);
    await TestSocket.open(t.url).catch(() => undefined); // refused: no token
    t.server.send(agentEvent('u1', 1));
    t.server.send(agentEvent('u1', 1)); // rejected
    await until(() => socket.events().length === 1);

    const text = await registry.metrics();
    expect(text).toContain('rel_ws_connections 1');
    expect(text).toContain('rel_ws_events_sent_total 1');
    expect(text).toContain('rel_ws_events_rejected_total 1');
    expect(text).toContain('rel_ws_auth_refusals_total{reason="missing_token"} 1');
    expect(text).toContain('rel_ws_buffered_events 1');
    expect(text).toMatch(/# TYPE rel_ws_events_sent_total counter/);

    await t.close();
    expect(registry.getSingleMetric('rel_ws_events_sent_total')).toBeUndefined();
    expect(await registry.metrics()).toBe('\n');
  });
});
