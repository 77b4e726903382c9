import { isRelError } from '@rel/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFakeDefaultManager } from '../../test/fixtures.js';
import { asyncTimeout } from './async-timeout.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
});
afterEach(() => env.restore());

const T0 = 1_700_000_000_000;

describe('asyncTimeout', () => {
  it('runs the block with a deadline on the manager clock: value, own error, or the typed timeout error', async () => {
    expect(await asyncTimeout(2, 'fast')(() => 42)).toBe(42);
    const own = new RangeError('own');
    await expect(asyncTimeout(2)(() => Promise.reject(own))).rejects.toBe(own);

    let aborted = false;
    const slow = asyncTimeout(
      2,
      'slow_op',
    )(
      ({ signal }) =>
        new Promise<string>((resolve) => {
          signal.addEventListener('abort', () => (aborted = true));
          env.clock.setTimeout(() => resolve('late'), 5_000);
        }),
    ).catch((e: unknown) => e);
    await env.clock.advance(2_000);
    const error = await slow;
    expect(isRelError(error, 'REL_DEADLINE_EXCEEDED')).toBe(true);
    expect(aborted).toBe(true);
    expect(env.clock.now() - T0).toBe(2_000);
  });

  it('runs through the same instance as withTimeout (async_timeout), so calls show up in health', async () => {
    await asyncTimeout(1)(() => 'ok');
    await asyncTimeout(1, 'other')(() => 'ok');
    expect(env.manager.find('async_timeout')!.health.snapshot().totals.success).toBe(2);
    expect(() => asyncTimeout(0)).toThrow(/timeout: received 0/);
  });
});
