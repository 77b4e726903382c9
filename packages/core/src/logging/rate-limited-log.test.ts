import { FakeClock } from '@rel/test-utils';
import { describe, expect, it } from 'vitest';
import { RateLimitedLog } from './rate-limited-log.js';

describe('RateLimitedLog', () => {
  it('admits perWindow lines per key and window, and reports what it held back', async () => {
    const clock = new FakeClock();
    const limit = new RateLimitedLog(clock, { windowMs: 1_000, perWindow: 2 });
    expect([limit.admit('a'), limit.admit('a'), limit.admit('a'), limit.admit('a')]).toEqual([0, 0, -1, -1]);
    expect(limit.admit('b')).toBe(0);
    await clock.advance(1_000);
    expect(limit.admit('a')).toBe(2);
    expect(limit.admit('a')).toBe(0);
  });

  it('remembers at most maxKeys keys', () => {
    const limit = new RateLimitedLog(new FakeClock(), { maxKeys: 2 });
    limit.admit('a');
    limit.admit('b');
    limit.admit('c'); // forgets a
    expect(limit.admit('a')).toBe(0);
    expect(limit.admit('c')).toBe(-1);
  });
});
