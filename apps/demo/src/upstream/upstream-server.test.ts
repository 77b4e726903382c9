import { FakeClock } from '@rel/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { FlakyUpstream } from './upstream-server.js';

const chatBody = JSON.stringify({ model: 'demo-gpt', messages: [{ role: 'user', content: 'hello' }] });
const started: FlakyUpstream[] = [];
async function upstream(
  seed: number,
  clock = new FakeClock(),
): Promise<{ up: FlakyUpstream; clock: FakeClock }> {
  const up = await FlakyUpstream.start({ seed, clock });
  started.push(up);
  return { up, clock };
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((u) => u.close()));
});

/** Lets real sockets make progress and fires the fake clock's timers until `p` settles. */
async function settle<T>(clock: FakeClock, p: Promise<T>): Promise<T> {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    if (clock.pendingTimers() > 0) await clock.runAll();
  }
  return p;
}

const post = (up: FlakyUpstream, path: string, body: string, service = 'test'): Promise<Response> =>
  fetch(`${up.url}${path}`, { method: 'POST', body, headers: { 'x-rel-service': service } });

describe('FlakyUpstream (a real HTTP server on 127.0.0.1)', () => {
  it('answers an OpenAI-style chat completion and tool calls when healthy, and counts them', async () => {
    const { up, clock } = await upstream(1);
    expect(up.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const chat = await settle(clock, post(up, '/v1/chat/completions', chatBody, 'openai'));
    expect(chat.status).toBe(200);
    const completion = (await chat.json()) as {
      object: string;
      choices: Array<{ message: { content: string } }>;
    };
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]!.message.content).toContain('hello');
    const tool = await settle(
      clock,
      post(up, '/tools/get_weather', JSON.stringify({ city: 'Oslo' }), 'tools'),
    );
    expect(((await tool.json()) as { result: { city: string } }).result.city).toBe('Oslo');
    const snapshot = up.counters.snapshot();
    expect(snapshot).toMatchObject({
      received: 2,
      byRoute: { chat: 1, tool: 1 },
      byAnswer: { '200': 2 },
      byService: { openai: 1, tools: 1 },
    });
    expect(snapshot.perSecond).toEqual([{ second: Math.floor(clock.now() / 1000), requests: 2 }]);
  });

  it('adds the latency of the mode, on the injected clock', async () => {
    const { up, clock } = await upstream(1);
    up.setFault({ mode: 'latency', latencyMs: 800 });
    const before = clock.now();
    await settle(clock, post(up, '/v1/chat/completions', chatBody));
    // 800 ms added to the 40-120 ms of simulated generation.
    expect(clock.now() - before).toBeGreaterThanOrEqual(840);
    expect(clock.now() - before).toBeLessThanOrEqual(920);
  });

  it('answers 429 with Retry-After in seconds at the configured rate', async () => {
    const { up, clock } = await upstream(3);
    up.setFault({ mode: 'rate_limited', rateLimitRate: 1, retryAfterS: 2 });
    const response = await settle(clock, post(up, '/tools/search_docs', '{}'));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('rate_limit_exceeded');
  });

  it('fails a share of requests with 500/503 that the seed decides, the same way every time', async () => {
    const statuses = async (seed: number): Promise<number[]> => {
      const { up, clock } = await upstream(seed);
      up.setFault({ mode: 'errors', errorRate: 0.3 });
      const out: number[] = [];
      for (let i = 0; i < 150; i++)
        out.push((await settle(clock, post(up, '/tools/search_docs', '{}'))).status);
      return out;
    };
    const a = await statuses(5);
    expect(await statuses(5)).toEqual(a);
    expect(await statuses(6)).not.toEqual(a);
    const failures = a.filter((s) => s !== 200);
    expect(new Set(failures)).toEqual(new Set([500, 503]));
    // 150 draws at 30 %: 45 expected; 25..65 is more than 4 standard deviations wide.
    expect(failures.length).toBeGreaterThan(25);
    expect(failures.length).toBeLessThan(65);
  });

  it('in a mixed outage answers the LLM with 503 and drops the tool API connections', async () => {
    const { up, clock } = await upstream(1);
    const changes: string[] = [];
    up.onFaultChange((f) => changes.push(f.mode));
    up.setFault({ mode: 'outage' });
    expect((await settle(clock, post(up, '/v1/chat/completions', chatBody))).status).toBe(503);
    await expect(settle(clock, post(up, '/tools/search_docs', '{}'))).rejects.toThrow(/fetch failed/);
    expect(up.counters.snapshot().byAnswer).toEqual({ '503': 1, reset: 1 });
    expect(changes).toEqual(['outage']);
  });

  it('answers bad requests plainly: 400 bad chat body, 404 unknown tool or path, 405 wrong method', async () => {
    const { up, clock } = await upstream(1);
    expect((await settle(clock, post(up, '/v1/chat/completions', '{"model":"x"}'))).status).toBe(400);
    expect((await settle(clock, post(up, '/tools/launch_rocket', '{}'))).status).toBe(404);
    expect((await settle(clock, post(up, '/v2/nothing', '{}'))).status).toBe(404);
    expect((await settle(clock, fetch(`${up.url}/v1/chat/completions`))).status).toBe(405);
    // Requests to unknown paths are not upstream load; the others are.
    expect(up.counters.snapshot()).toMatchObject({ received: 2, byAnswer: { '400': 1, '404': 1 } });
  });

  it('counts a request whose client went away before the answer as abandoned', async () => {
    const { up, clock } = await upstream(1);
    up.setFault({ mode: 'latency', latencyMs: 5_000 });
    const abort = new AbortController();
    const pending = fetch(`${up.url}/v1/chat/completions`, {
      method: 'POST',
      body: chatBody,
      signal: abort.signal,
    });
    while (clock.pendingTimers() === 0) await new Promise((resolve) => setImmediate(resolve));
    abort.abort();
    await expect(pending).rejects.toThrow();
    while (up.counters.snapshot().byAnswer['abandoned'] === undefined)
      await new Promise((r) => setImmediate(r));
    expect(clock.pendingTimers()).toBe(0);
  });
});
