import { classify } from '@rel/retry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlakyUpstream } from '../upstream/upstream-server.js';
import { CallCounters } from './call-counters.js';
import { UpstreamClient, UpstreamHttpError } from './upstream-client.js';

// The real clock: nothing here is timed, and answers take at most a few ms.
let up: FlakyUpstream;
let client: UpstreamClient;
const counters = new CallCounters();
beforeAll(async () => {
  up = await FlakyUpstream.start({ seed: 2 });
  client = new UpstreamClient(up.url, counters);
});
afterAll(() => up.close());

const failureOf = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('UpstreamClient: real fetch, failures @rel can classify', () => {
  it('turns a 429 into an error whose status and Retry-After the LLM classifier reads', async () => {
    up.setFault({ mode: 'rate_limited', rateLimitRate: 1, retryAfterS: 3 });
    const error = await failureOf(client.chat('openai', [{ role: 'user', content: 'hi' }], { attempt: 1 }));
    expect(error).toBeInstanceOf(UpstreamHttpError);
    expect((error as UpstreamHttpError).message).toBe('HTTP 429: Rate limit reached for requests');
    expect(classify(error, { domain: 'llm' })).toMatchObject({
      kind: 'rate_limited',
      retryable: true,
      retryAfterMs: 3_000,
    });
  });

  it('a 503 is overloaded, a dropped connection transient, an unknown tool permanent', async () => {
    up.setFault({ mode: 'outage', outage: 'mixed' });
    expect(
      classify(await failureOf(client.chat('openai', [{ role: 'user', content: 'hi' }])), { domain: 'llm' })
        .kind,
    ).toBe('overloaded');
    expect(
      classify(await failureOf(client.tool('tools', 'search_docs', {})), { domain: 'http' }),
    ).toMatchObject({
      kind: 'transient',
      retryable: true,
    });
    up.setFault({ mode: 'healthy' });
    const unknown = await failureOf(client.tool('tools', 'launch_rocket', {}, { attempt: 2 }));
    expect(classify(unknown, { domain: 'http' })).toMatchObject({ kind: 'permanent', retryable: false });
  });

  it('counts every invocation per service, and retries by attempt number', () => {
    expect(counters.get('openai')).toEqual({ calls: 0, attempts: 2, retries: 0 });
    expect(counters.get('tools')).toEqual({ calls: 0, attempts: 2, retries: 1 });
    expect(up.counters.snapshot().byService).toEqual({ openai: 2, tools: 2 });
  });
});
