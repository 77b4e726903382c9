import { CircuitOpenError, isRelError } from '@rel/config';
import { UnifiedRetryHandler, type AttemptGate } from '@rel/retry';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { UnifiedCircuitBreaker } from './breaker.js';

const econnreset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const httpError = (status: number): Error => Object.assign(new Error(`HTTP ${status}`), { status });

describe('the shared classifier decides what counts (execute)', () => {
  it.each([
    ['ECONNRESET', econnreset(), 'failed'],
    ['HTTP 503', httpError(503), 'failed'],
    ['HTTP 429', httpError(429), 'failed'],
    ['HTTP 404 (a client error)', httpError(404), 'ignored'],
    ['an AbortError (a cancellation)', new DOMException('stop', 'AbortError'), 'ignored'],
  ])('%s is %s', async (_label, error, counted) => {
    const breaker = new UnifiedCircuitBreaker('api', { failureThreshold: 1 }, { clock: new FakeClock() });
    await expect(breaker.execute(() => Promise.reject(error))).rejects.toBe(error);
    const status = breaker.status();
    expect(counted === 'failed' ? status.failedCalls : status.ignoredCalls).toBe(1);
    expect(status.state).toBe(counted === 'failed' ? 'open' : 'closed');
  });
});

describe('as the retry engine’s admission gate', () => {
  it('is an AttemptGate', () => {
    const gate: AttemptGate = new UnifiedCircuitBreaker('db');
    expect(gate.state).toBe('closed');
  });

  it('stops a retry loop as soon as it opens: no attempt runs against an open breaker', async () => {
    const clock = new FakeClock();
    const breaker = new UnifiedCircuitBreaker(
      'db',
      { failureThreshold: 2, openMs: 10_000, openJitter: 0 },
      { clock },
    );
    const handler = new UnifiedRetryHandler(
      'db',
      { maxAttempts: 5, baseDelayMs: 100, jitter: 'none' },
      { clock, gate: breaker },
    );
    let calls = 0;
    const outcome = handler
      .execute(() => {
        calls++;
        return Promise.reject(econnreset());
      })
      .catch((e: unknown) => e);
    await clock.runAll();
    const error = await outcome;
    expect(calls).toBe(2);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(isRelError(error, 'REL_CIRCUIT_OPEN')).toBe(true);
    expect(error).toMatchObject({ circuit: 'db', state: 'open' });
    expect(breaker.status()).toMatchObject({ state: 'open', failedCalls: 2 });
  });

  it('lets a waiting retry loop probe after the open time and close the breaker', async () => {
    const clock = new FakeClock();
    const breaker = new UnifiedCircuitBreaker(
      'db',
      { failureThreshold: 1, openMs: 1_000, openJitter: 0 },
      { clock },
    );
    const handler = new UnifiedRetryHandler(
      'db',
      { maxAttempts: 3, baseDelayMs: 10, jitter: 'none', waitForOpenCircuit: true, totalTimeoutMs: 60_000 },
      { clock, gate: breaker },
    );
    let calls = 0;
    const result = handler.execute(() =>
      ++calls === 1 ? Promise.reject(econnreset()) : Promise.resolve('ok'),
    );
    await clock.runAll();
    await expect(result).resolves.toBe('ok');
    expect(calls).toBe(2);
    expect(breaker.status()).toMatchObject({ state: 'closed', opens: 1, successfulCalls: 1, failedCalls: 1 });
  });
});
