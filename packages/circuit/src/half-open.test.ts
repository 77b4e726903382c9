import { CircuitOpenError } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { UnifiedCircuitBreaker } from './breaker.js';

const CALLERS = 1_000;

async function halfOpen(probes: number) {
  const clock = new FakeClock();
  const breaker = new UnifiedCircuitBreaker(
    'llm',
    {
      failureThreshold: 1,
      openMs: 1_000,
      openJitter: 0,
      halfOpenMaxProbes: probes,
      successThreshold: probes,
    },
    { clock, probeLeaseMs: 10_000 },
  );
  await breaker.execute(() => Promise.reject(new Error('down'))).catch(() => undefined);
  await clock.advance(1_000);
  expect(breaker.state).toBe('half_open');
  return { clock, breaker };
}

describe('half-open under 1,000 concurrent calls', () => {
  it.each([1, 3, 10])(
    'runs exactly %i probe(s); every other caller is refused at once with a retry-after hint',
    async (n) => {
      const { clock, breaker } = await halfOpen(n);
      let running = 0;
      const gates: Array<() => void> = [];
      const probe = () =>
        new Promise<string>((resolve) => {
          running++;
          gates.push(() => resolve('ok'));
        });

      const calls = Array.from({ length: CALLERS }, () => breaker.execute(probe));
      let refusedSoFar = 0;
      for (const c of calls) c.catch(() => refusedSoFar++);
      const settled = Promise.allSettled(calls);
      // Every refusal settles while the probes are still running: nobody waits on them.
      await clock.flush();
      expect(running).toBe(n);
      expect(refusedSoFar).toBe(CALLERS - n);

      for (const open of gates) open();
      const outcomes = await settled;
      const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
      const rejected = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      expect(fulfilled).toHaveLength(n);
      expect(rejected).toHaveLength(CALLERS - n);
      for (const error of rejected) {
        expect(error).toBeInstanceOf(CircuitOpenError);
        expect(error).toMatchObject({ state: 'half_open', retryAfterMs: 10_000 });
      }
      expect(breaker.state).toBe('closed');
      expect(breaker.status()).toMatchObject({ rejectedCalls: CALLERS - n, successfulCalls: n });
    },
  );

  it('the non-throwing path refuses the same callers with plain objects', async () => {
    const { breaker } = await halfOpen(2);
    const release: Array<() => void> = [];
    const results = Array.from({ length: CALLERS }, () =>
      breaker.tryExecute(() => new Promise<void>((resolve) => release.push(resolve))),
    );
    expect(release).toHaveLength(2);
    release.forEach((r) => r());
    const outcomes = await Promise.all(results);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
    const refused = outcomes.filter((o) => !o.ok && o.rejected);
    expect(refused).toHaveLength(CALLERS - 2);
    expect(refused.every((o) => !(o instanceof Error) && o.retryAfterMs === 10_000)).toBe(true);
  });

  it('a failed probe re-opens, and the other probes still running then decide nothing', async () => {
    const { breaker } = await halfOpen(3);
    const settle: Array<(fail: boolean) => void> = [];
    const calls = Array.from({ length: 3 }, () =>
      breaker
        .execute(
          () =>
            new Promise<void>((resolve, reject) =>
              settle.push((fail) => (fail ? reject(new Error('still down')) : resolve())),
            ),
        )
        .catch(() => undefined),
    );
    settle[0]!(true);
    settle[1]!(false);
    settle[2]!(false);
    await Promise.all(calls);
    expect(breaker.state).toBe('open');
    expect(breaker.status()).toMatchObject({ successfulCalls: 2, failedCalls: 2, opens: 2 });
  });
});
