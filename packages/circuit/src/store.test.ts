import { isRelError } from '@rel/config';
import { FakeClock } from '@rel/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { UnifiedCircuitBreaker } from './breaker.js';
import type { CircuitSnapshot } from './snapshot.js';
import { InMemoryCircuitStateStore, type CircuitStateStore } from './store.js';

const config = { failureThreshold: 1, openMs: 5_000, openJitter: 0 };

/** A store whose saves finish only when the test says so, in any order. */
function slowStore() {
  const saved: CircuitSnapshot[] = [];
  const pending: Array<() => void> = [];
  const store: CircuitStateStore = {
    load: () => Promise.resolve(saved.at(-1)),
    save: (_name, snapshot) =>
      new Promise<void>((resolve) =>
        pending.push(() => {
          saved.push(snapshot);
          resolve();
        }),
      ),
  };
  return { store, saved, pending };
}

describe('CircuitStateStore', () => {
  it('saves after every state change (write-behind) and a new breaker loads it', async () => {
    const clock = new FakeClock();
    const store = new InMemoryCircuitStateStore();
    const a = new UnifiedCircuitBreaker('db', config, { clock, store });
    a.release(a.tryAcquire(), 'transient', 1);
    expect(store.load('db')).toBeUndefined(); // the call that tripped it did not wait
    await clock.flush();
    expect(store.load('db')).toMatchObject({ state: 'open', openUntil: clock.now() + 5_000 });

    const b = new UnifiedCircuitBreaker('db', config, { clock, store });
    await expect(b.load()).resolves.toBe(true);
    expect(b.state).toBe('open');
    await expect(new UnifiedCircuitBreaker('other', config, { clock, store }).load()).resolves.toBe(false);
    expect(store.names()).toEqual(['db']);
  });

  it('runs saves one at a time, in order, folding changes made meanwhile into the queued save', async () => {
    const clock = new FakeClock();
    const { store, saved, pending } = slowStore();
    const breaker = new UnifiedCircuitBreaker('db', config, { clock, store });
    breaker.release(breaker.tryAcquire(), 'transient', 1); // open
    await clock.flush();
    expect(pending).toHaveLength(1);
    breaker.reset(); // closed, queued behind the running save
    breaker.disable(); // folded into the same queued save
    await clock.flush();
    expect(pending).toHaveLength(1);
    pending[0]!();
    await clock.flush();
    expect(pending).toHaveLength(2);
    pending[1]!();
    await clock.flush();
    expect(saved.map((s) => s.state)).toEqual(['open', 'disabled']);
  });

  it('save() resolves once stored; a failing store is reported, never silent, and the breaker keeps working', async () => {
    const clock = new FakeClock();
    const failing: CircuitStateStore = {
      load: () => undefined,
      save: () => Promise.reject(new Error('disk full')),
    };
    const breaker = new UnifiedCircuitBreaker('db', config, { clock, store: failing });
    await expect(breaker.save()).rejects.toThrow('disk full');

    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    breaker.release(breaker.tryAcquire(), 'transient', 1);
    await clock.flush();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('circuit breaker "db": saving its state failed: disk full'),
      {
        code: 'REL_CIRCUIT_STORE',
      },
    );

    const errors: unknown[] = [];
    breaker.onStoreError((e) => errors.push(e.error));
    breaker.reset();
    await clock.flush();
    expect(errors).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(breaker.state).toBe('closed');
  });

  it('a synchronous throw from save is reported like a rejection', async () => {
    const clock = new FakeClock();
    const store: CircuitStateStore = {
      load: () => undefined,
      save: () => {
        throw new Error('sync');
      },
    };
    const breaker = new UnifiedCircuitBreaker('db', config, { clock, store });
    const errors: unknown[] = [];
    breaker.onStoreError((e) => errors.push(e));
    breaker.disable();
    await clock.flush();
    expect(errors).toEqual([{ name: 'db', error: new Error('sync') }]);
  });

  it('load() and save() need a store; load() validates what it finds', async () => {
    const breaker = new UnifiedCircuitBreaker('db');
    await expect(breaker.load()).rejects.toThrow(/has no store/);
    await expect(breaker.save()).rejects.toThrow(/has no store/);
    const junk: CircuitStateStore = { load: () => ({ version: 1 }), save: () => undefined };
    const withJunk = new UnifiedCircuitBreaker('db', {}, { store: junk });
    const error = await withJunk.load().catch((e: unknown) => e);
    expect(isRelError(error, 'REL_SNAPSHOT_INVALID')).toBe(true);
  });
});
