import { CancelledError, NonRetryableError, RetryExhaustedError } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { quick, reset, testManager } from '../../test/kit.js';

describe('ReliabilityInstance: fallback', () => {
  it('answers a final failure with a per-call value or function; the result says fallback_used', async () => {
    const { manager, clock } = testManager();
    const api = manager.get('api', quick({ retry: { maxAttempts: 2 } }));
    const failing = () => Promise.reject(reset());
    const byValue = api.run(failing, { fallback: 'cached' });
    await clock.advance(100);
    const r = await byValue;
    expect(r).toMatchObject({
      success: true,
      value: 'cached',
      outcome: 'fallback_used',
      fallbackUsed: true,
      fallbackReason: 'transient',
    });
    expect(r.attempts).toHaveLength(2);
    expect(r.success && r.error).toBeInstanceOf(RetryExhaustedError);

    const seen: unknown[] = [];
    const byFunction = api.execute(failing, {
      operation: 'search',
      fallback: (f) => {
        seen.push([f.outcome, f.service, f.operation, f.attempts.length, f.error.code]);
        return Promise.resolve('computed');
      },
    });
    await clock.advance(100);
    await expect(byFunction).resolves.toBe('computed');
    expect(seen).toEqual([['transient', 'api', 'search', 2, 'REL_RETRY_EXHAUSTED']]);
    expect(api.status().fallbacks).toEqual({ used: { transient: 2 }, failed: 0 });
  });

  it("uses the profile's fallback value when enabled, and a per-call fallback over it", async () => {
    const { manager } = testManager();
    const api = manager.get(
      'api',
      quick({ retry: { maxAttempts: 1 }, fallback: { enabled: true, value: { status: 'fallback' } } }),
    );
    const failing = () => Promise.reject(new TypeError('bad input'));
    await expect(api.execute(failing)).resolves.toEqual({ status: 'fallback' });
    await expect(api.execute(failing, { fallback: 'mine' })).resolves.toBe('mine');
  });

  it('never answers a cancellation, nor a kind outside fallback.onKinds', async () => {
    const { manager, clock } = testManager();
    const api = manager.get('api', quick({ fallback: { onKinds: ['circuit_open'] } }));
    const permanent = await api.run(() => Promise.reject(new TypeError('x')), { fallback: 'f' });
    expect(permanent).toMatchObject({ success: false, outcome: 'permanent' });
    const controller = new AbortController();
    const cancelled = api.run(() => new Promise<string>(() => undefined), {
      signal: controller.signal,
      fallback: 'f',
    });
    await clock.advance(10);
    controller.abort();
    const r = await cancelled;
    expect(r).toMatchObject({ success: false, outcome: 'cancelled' });
    expect(r.success ? undefined : r.error).toBeInstanceOf(CancelledError);
  });

  it('a fallback that throws: the call fails with its own error and says what the fallback threw', async () => {
    const { manager, lines } = testManager();
    const api = manager.get('api', quick({ retry: { maxAttempts: 1 } }));
    const broken = new Error('cache down');
    const r = await api.run(() => Promise.reject(new TypeError('bad')), {
      fallback: () => {
        throw broken;
      },
    });
    expect(r).toMatchObject({
      success: false,
      outcome: 'permanent',
      fallbackUsed: false,
      fallbackError: broken,
    });
    await expect(
      api.execute(() => Promise.reject(new TypeError('bad')), { fallback: () => Promise.reject(broken) }),
    ).rejects.toBeInstanceOf(NonRetryableError);
    expect(api.status().fallbacks.failed).toBe(2);
    expect(
      lines.filter((l) => l.msg === 'the fallback threw; the call fails with its own error'),
    ).toHaveLength(2);
  });
});
