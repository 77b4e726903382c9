import { CircuitOpenError } from '@rel/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failingTimes, gaps, systemError, useFakeDefaultManager } from '../../test/fixtures.js';
import { CircuitState } from './circuit-health.js';
import { ReliabilityManager } from './reliability-manager.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
});
afterEach(() => env.restore());

async function outcome<T>(p: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const settled = p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await env.clock.runAll();
  return settled;
}

describe('legacy agents ReliabilityManager', () => {
  it('has the legacy defaults and starts closed and healthy', () => {
    const m = new ReliabilityManager();
    expect([m.failureThreshold, m.recoveryTimeout, m.halfOpenMaxCalls]).toEqual([5, 60, 3]);
    expect(m.getCircuitStatus()).toMatchObject({
      state: CircuitState.CLOSED,
      failure_count: 0,
      successful_calls: 0,
      can_execute: true,
      half_open_call_count: 0,
      last_failure_time: null,
    });
    expect(m.getHealthStatus()).toMatchObject({
      status: 'healthy',
      overall_health: 'healthy',
      failure_threshold: 5,
      recovery_timeout: 60,
    });
  });

  it('retries 3 times, sleeping 2, 4, 8 s, and throws the exact last exception', async () => {
    const m = new ReliabilityManager(100);
    const { op, times, errors } = failingTimes(env.clock, 9, 0, () => systemError('ECONNRESET'));
    const r = await outcome(m.executeWithReliability(op, 'call'));
    expect(times).toHaveLength(4);
    expect(gaps(times)).toEqual([2000, 4000, 8000]);
    expect(r.error).toBe(errors[3]);
  });

  it('does not retry ValueError (RangeError) or TypeError', async () => {
    const m = new ReliabilityManager();
    for (const make of [() => new RangeError('bad'), () => new TypeError('bug')]) {
      const { op, times } = failingTimes(env.clock, 9, 0, make);
      await outcome(m.executeWithReliability(op));
      expect(times).toHaveLength(1);
    }
  });

  it('opens after failureThreshold failures, refuses with the legacy message, half-opens after recoveryTimeout and closes after 2 successes', async () => {
    const m = new ReliabilityManager(2, 30, 3, { name: 'planner' });
    await outcome(
      m.executeWithReliability(failingTimes(env.clock, 9, 0, () => new RangeError('x')).op, 'plan'),
    );
    expect(m.getCircuitStatus().state).toBe('closed');
    await outcome(
      m.executeWithReliability(failingTimes(env.clock, 9, 0, () => new RangeError('y')).op, 'plan'),
    );
    expect(m.getCircuitStatus()).toMatchObject({ state: 'open', failure_count: 2, can_execute: false });
    expect((await m.healthCheck()).status).toBe('degraded');
    const refused = await outcome(m.executeWithReliability(() => 'never', 'plan'));
    expect(refused.error).toBeInstanceOf(CircuitOpenError);
    expect((refused.error as Error).message).toBe('Circuit breaker is OPEN for plan');

    await env.clock.advance(30_000);
    expect(m.getCircuitStatus()).toMatchObject({ state: 'half_open', can_execute: true });
    expect(await outcome(m.executeWithReliability(() => 1, 'plan'))).toEqual({ value: 1 });
    expect(m.getHealthStatus().status).toBe('recovering');
    expect(await outcome(m.executeWithReliability(() => 2, 'plan'))).toEqual({ value: 2 });
    expect(m.getHealthStatus()).toMatchObject({
      status: 'healthy',
      circuit_state: 'closed',
      successful_calls: 2,
    });
  });

  it('resetCircuit closes and clears; health shows in the default manager', async () => {
    const m = new ReliabilityManager(1, 60, 1, { name: 'resettable' });
    await outcome(m.executeWithReliability(() => Promise.reject(new RangeError('x'))));
    expect(m.getCircuitStatus().state).toBe('open');
    expect(
      env.manager.systemHealth().services.find((s) => s.service === 'resettable')?.trackers[0]?.breakerState,
    ).toBe('open');
    m.resetCircuit();
    expect(m.getCircuitStatus()).toMatchObject({ state: 'closed', failure_count: 0 });
  });

  it('names bad arguments', () => {
    expect(() => new ReliabilityManager(0)).toThrow(/failureThreshold: received 0/);
    expect(() => new ReliabilityManager(5, -1)).toThrow(/recoveryTimeout/);
  });
});
