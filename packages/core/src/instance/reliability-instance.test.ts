import {
  BulkheadRejectedError,
  CircuitOpenError,
  DeadlineExceededError,
  NonRetryableError,
  RelConfigError,
  RetryExhaustedError,
} from '@rel/config';
import { describe, expect, it, vi } from 'vitest';
import type { CallOptions } from './call-options.js';
import { quick, reset, testManager } from '../../test/kit.js';

const ok = () => Promise.resolve('value');

describe('ReliabilityInstance: execute and run', () => {
  it('returns the value (execute) or a success result (run)', async () => {
    const { manager } = testManager();
    const api = manager.get('api', quick());
    await expect(api.execute(ok)).resolves.toBe('value');
    const r = await api.run(ok, { operation: 'get' });
    expect(r).toMatchObject({
      success: true,
      value: 'value',
      outcome: 'success',
      fallbackUsed: false,
      totalTimeMs: 0,
    });
    expect(r.attempts).toHaveLength(1);
  });

  it('retries transient failures, then throws the typed error carrying every attempt', async () => {
    const { manager, clock } = testManager();
    const api = manager.get('api', quick({ retry: { maxAttempts: 3 }, circuitBreaker: false }));
    const op = vi.fn(() => Promise.reject(reset()));
    const done = api.execute(op, { operation: 'get' });
    const caught = done.catch((e: unknown) => e);
    await clock.advance(300);
    const error = await caught;
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect((error as RetryExhaustedError).attempts.map((a) => a.outcome)).toEqual([
      'transient',
      'transient',
      'transient',
    ]);
    expect(op).toHaveBeenCalledTimes(3);
    const r = api.run(op);
    await clock.advance(300);
    await expect(r).resolves.toMatchObject({ success: false, outcome: 'transient', fallbackUsed: false });
  });

  it('refuses a non-function and bad options with errors naming the field (run never rejects)', async () => {
    const { manager } = testManager();
    const api = manager.get('api', quick());
    await expect(api.execute('nope' as never)).rejects.toThrow(RelConfigError);
    await expect(api.execute(ok, { opertion: 'x' } as CallOptions<string>)).rejects.toThrow(
      /opertion: unknown key/,
    );
    await expect(api.execute(ok, { timeoutMs: -5 })).rejects.toThrow(/timeoutMs: received -5/);
    await expect(api.execute(ok, { run: {} as never, fallback: 'x' })).rejects.toThrow(/run: received/);
    const r = await api.run(ok, { signal: 'no' as never });
    expect(r).toMatchObject({ success: false, outcome: 'permanent' });
    expect(r.success ? undefined : r.error).toBeInstanceOf(NonRetryableError);
    expect((r.success ? undefined : r.error)?.cause).toBeInstanceOf(RelConfigError);
    await expect(api.run(42 as never)).resolves.toMatchObject({ success: false, outcome: 'permanent' });
  });

  it('enforces the overall deadline across attempts and waits', async () => {
    const { manager, clock } = testManager();
    const api = manager.get('api', quick({ retry: { maxAttempts: 5, attemptTimeoutMs: 1_000 } }));
    const never = () => new Promise<string>(() => undefined);
    const done = api.execute(never, { timeoutMs: 2_500 }).catch((e: unknown) => e);
    await clock.advance(2_500);
    const error = await done;
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect((error as DeadlineExceededError).attempts.map((a) => a.outcome)).toEqual([
      'timeout',
      'timeout',
      'deadline_exceeded',
    ]);
  });
});

describe('ReliabilityInstance: breaker, health and budget', () => {
  it('records attempts in health: successes, failures with their errors, rejections apart', async () => {
    const { manager, clock } = testManager();
    const api = manager.get(
      'api',
      quick({ retry: { maxAttempts: 2 }, circuitBreaker: { failureThreshold: 2 } }),
    );
    await api.execute(ok);
    const failed = api.run(() => Promise.reject(reset()));
    await clock.advance(100);
    await failed;
    // The breaker opened on the 2nd failure: the next call is refused before any attempt.
    const refused = await api.run(ok);
    expect(refused).toMatchObject({ success: false, outcome: 'circuit_open' });
    expect(refused.success ? undefined : refused.error).toBeInstanceOf(CircuitOpenError);
    const h = api.health.snapshot();
    expect(h.window).toMatchObject({ successes: 1, failures: 2, rejected: 1, cancelled: 0 });
    expect(h.breakerState).toBe('open');
    expect(api.health.errors().map((e) => [e.attempt, e.kind, e.message])).toEqual([
      [1, 'transient', 'socket hang up'],
      [2, 'transient', 'socket hang up'],
    ]);
  });

  it('cancellations are neither failures nor successes in health', async () => {
    const { manager, clock } = testManager();
    const api = manager.get('api', quick());
    const controller = new AbortController();
    const call = api.run(() => new Promise<string>(() => undefined), { signal: controller.signal });
    await clock.advance(5);
    controller.abort();
    await call;
    expect(api.health.snapshot().window).toMatchObject({ successes: 0, failures: 0, cancelled: 1 });
  });

  it('health sees the breaker move to half-open by the clock alone once read through the instance', async () => {
    const { manager, clock } = testManager();
    const api = manager.get(
      'api',
      quick({
        retry: { maxAttempts: 1 },
        circuitBreaker: { failureThreshold: 1, openMs: 1_000, openJitter: 0 },
      }),
    );
    await api.run(() => Promise.reject(reset()));
    expect(api.health.breakerState).toBe('open');
    await clock.advance(1_000);
    expect(api.status().circuit?.state).toBe('half_open');
    expect(api.health.breakerState).toBe('half_open');
  });

  it('feeds the retry budget level to health, and recovers it as the budget refills', async () => {
    const { manager, clock } = testManager();
    const api = manager.get(
      'api',
      quick({
        retry: { maxAttempts: 3, budget: { ratio: 0, minRetriesPerSecond: 1 } },
        circuitBreaker: false,
      }),
    );
    const r = api.run(() => Promise.reject(reset()));
    await clock.advance(1_000);
    expect(await r).toMatchObject({ outcome: 'budget_exhausted' });
    expect(api.health.snapshot().budgetLevel).toBeCloseTo(0.1, 9); // 100 ms of refill at 1 token/s
    expect(api.health.snapshot().window.rejected).toBe(1);
    await clock.advance(5_000);
    await api.execute(ok);
    expect(api.health.snapshot().budgetLevel).toBe(1);
    expect(api.status().budget).toMatchObject({ key: 'api', refused: 1, allowed: 1 });
  });
});

describe('ReliabilityInstance: bulkhead', () => {
  it('refuses a call when every slot and queue place is taken (its own outcome, in health too)', async () => {
    const { manager, clock } = testManager();
    const api = manager.get('api', quick({ bulkhead: { maxConcurrent: 1, maxQueue: 0 } }));
    let release!: (v: string) => void;
    const slow = api.execute(() => new Promise<string>((resolve) => (release = resolve)));
    await clock.flush();
    const refused = await api.run(ok);
    expect(refused).toMatchObject({ success: false, outcome: 'bulkhead_rejected', attempts: [] });
    expect(refused.success ? undefined : refused.error).toBeInstanceOf(BulkheadRejectedError);
    await expect(api.execute(ok)).rejects.toThrow(/the bulkhead is full \(1 running, 0 queued\)/);
    await expect(api.execute(ok, { fallback: 'busy' })).resolves.toBe('busy');
    release('done');
    await expect(slow).resolves.toBe('done');
    await expect(api.execute(ok)).resolves.toBe('value');
    expect(api.status().bulkhead).toEqual({
      maxConcurrent: 1,
      maxQueue: 0,
      active: 0,
      queued: 0,
      rejected: 3,
    });
    expect(api.health.snapshot().window.rejected).toBe(3);
  });

  it('queued calls run in order, and the overall deadline covers the wait', async () => {
    const { manager, clock } = testManager();
    const api = manager.get('api', quick({ bulkhead: { maxConcurrent: 1, maxQueue: 2 } }));
    const order: string[] = [];
    const step = (name: string, ms: number) => () =>
      new Promise<string>((resolve) => clock.setTimeout(() => (order.push(name), resolve(name)), ms));
    const a = api.execute(step('a', 100));
    const b = api.execute(step('b', 100));
    const late = api.run(step('late', 100), { timeoutMs: 150 });
    await clock.advance(200);
    await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b']);
    const r = await late;
    expect(r).toMatchObject({ success: false, outcome: 'deadline_exceeded' });
    expect(r.success ? undefined : r.error).toBeInstanceOf(DeadlineExceededError);
    expect(order).toEqual(['a', 'b']);
  });
});
