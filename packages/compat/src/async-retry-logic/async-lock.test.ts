import { InvalidStateError, isRelError } from '@rel/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFakeDefaultManager } from '../../test/fixtures.js';
import { AsyncLock } from './async-lock.js';

let env: ReturnType<typeof useFakeDefaultManager>;
beforeEach(() => {
  env = useFakeDefaultManager();
});
afterEach(() => env.restore());

const T0 = 1_700_000_000_000;

describe('AsyncLock', () => {
  it('acquires at once when free and reports the legacy lockInfo on the manager clock', async () => {
    const lock = new AsyncLock('cache');
    expect(lock.lockInfo).toEqual({
      name: 'cache',
      locked: false,
      acquired_at: null,
      acquired_by: null,
      held_for_seconds: null,
    });
    expect(await lock.acquireWithTimeout(1, 'trace-1')).toBe(true);
    await env.clock.advance(2_500);
    expect(lock.isLocked).toBe(true);
    expect(lock.lockInfo).toEqual({
      name: 'cache',
      locked: true,
      acquired_at: T0 / 1000,
      acquired_by: 'trace-1',
      held_for_seconds: 2.5,
    });
    lock.release();
    expect(lock.lockInfo).toMatchObject({ locked: false, acquired_at: null, held_for_seconds: null });
    expect(() => lock.release()).toThrow(InvalidStateError);
    expect(new AsyncLock().name).toBe('anonymous');
  });

  it('under contention: a waiter times out with false after `timeout` s; others get it first come, first served', async () => {
    const lock = new AsyncLock('db');
    await lock.acquireWithTimeout();
    const order: string[] = [];
    void lock.acquireWithTimeout(2).then((ok) => order.push(`late:${ok}`));
    const a = lock.acquireWithTimeout(30).then((ok) => order.push(`a:${ok}`));
    const b = lock.acquireWithTimeout(30).then((ok) => order.push(`b:${ok}`));
    await env.clock.advance(1_999);
    expect(order).toEqual([]);
    await env.clock.advance(1);
    expect(order).toEqual(['late:false']);
    lock.release();
    await a;
    expect(order).toEqual(['late:false', 'a:true']);
    expect(lock.lockInfo.acquired_at).toBe((T0 + 2_000) / 1000);
    lock.release();
    await b;
    expect(order).toEqual(['late:false', 'a:true', 'b:true']);
    lock.release();
    expect(lock.isLocked).toBe(false);
    // timeout 0: a try-lock
    await lock.acquireWithTimeout(0);
    expect(await lock.acquireWithTimeout(0)).toBe(false);
  });

  it('acquire(timeout) is a disposable hold; acquire(timeout, fn) runs fn holding the lock', async () => {
    const lock = new AsyncLock('jobs');
    {
      await using hold = await lock.acquire(5);
      expect(lock.isLocked).toBe(true);
      hold.release(); // releasing twice through the same hold is harmless
    }
    expect(lock.isLocked).toBe(false);
    {
      using _held = await lock.acquire();
      expect(lock.isLocked).toBe(true);
    }
    expect(lock.isLocked).toBe(false);
    expect(await lock.acquire(5, () => (lock.isLocked ? 'held' : 'free'))).toBe('held');
    await expect(lock.acquire(5, () => Promise.reject(new RangeError('inside')))).rejects.toThrow('inside');
    expect(lock.isLocked).toBe(false);
  });

  it('acquire raises the typed timeout error (legacy ServiceTimeoutError) when not acquired in time', async () => {
    const lock = new AsyncLock('busy');
    await lock.acquireWithTimeout();
    const waiting = lock.acquire(3).catch((e: unknown) => e);
    await env.clock.advance(3_000);
    const error = await waiting;
    expect(isRelError(error, 'REL_DEADLINE_EXCEEDED')).toBe(true);
    expect((error as Error).message).toBe('AsyncLock(busy): not acquired within 3 s');
    expect(error).toMatchObject({ service: 'AsyncLock(busy)', deadlineMs: 3_000 });
    await expect(lock.acquireWithTimeout(-1)).rejects.toThrow(/timeout: received -1/);
  });
});
