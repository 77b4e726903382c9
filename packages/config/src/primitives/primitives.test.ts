import { describe, expect, it, vi } from 'vitest';
import { CircuitOpenError } from '../errors/circuit-open-error.js';
import { REL_ERROR_CODES } from '../errors/codes.js';
import { RelError, isRelError } from '../errors/rel-error.js';
import { RetryExhaustedError } from '../errors/retry-exhausted-error.js';
import { sleep, systemClock } from './clock.js';
import { EventEmitter, setListenerErrorHandler } from './event.js';

describe('RelError', () => {
  it('carries a code, a name and a cause, and is recognised through its brand', () => {
    const cause = new Error('boom');
    const error = new RetryExhaustedError('gave up', { service: 'openai', cause });
    expect(error).toBeInstanceOf(RelError);
    expect(error.name).toBe('RetryExhaustedError');
    expect(error.code).toBe(REL_ERROR_CODES.RETRY_EXHAUSTED);
    expect(error.cause).toBe(cause);
    expect(error.attempts).toEqual([]);
    expect(isRelError(error)).toBe(true);
    expect(isRelError(error, 'REL_RETRY_EXHAUSTED')).toBe(true);
    expect(isRelError(error, 'REL_CIRCUIT_OPEN')).toBe(false);
    expect(isRelError(new Error('x'))).toBe(false);
    expect(isRelError(null)).toBe(false);
  });

  it('recognises an error from another copy of the package (same Symbol.for brand)', () => {
    const foreign = Object.assign(new Error('from a duplicate install'), {
      code: 'REL_CIRCUIT_OPEN',
      [Symbol.for('@rel/error')]: true,
    });
    expect(isRelError(foreign, 'REL_CIRCUIT_OPEN')).toBe(true);
  });

  it('CircuitOpenError carries the retry-after hint', () => {
    const error = new CircuitOpenError('open', { circuit: 'llm', state: 'open', retryAfterMs: 1200 });
    expect(error).toMatchObject({
      circuit: 'llm',
      state: 'open',
      retryAfterMs: 1200,
      code: 'REL_CIRCUIT_OPEN',
    });
  });
});

describe('EventEmitter', () => {
  it('delivers to every listener and unsubscribes through dispose()', () => {
    const emitter = new EventEmitter<number>();
    const seen: number[] = [];
    const a = emitter.event((n) => seen.push(n));
    emitter.event((n) => seen.push(n * 10));
    expect(emitter.size).toBe(2);
    emitter.emit(1);
    a.dispose();
    a.dispose();
    emitter.emit(2);
    expect(seen).toEqual([1, 10, 20]);
    expect(emitter.size).toBe(1);
  });

  it('isolates a throwing listener: the others run and emit() does not throw', () => {
    const errors: unknown[] = [];
    const previous = setListenerErrorHandler((e) => errors.push(e));
    try {
      const emitter = new EventEmitter<string>();
      const seen: string[] = [];
      emitter.event(() => {
        throw new Error('listener bug');
      });
      emitter.event((s) => seen.push(s));
      expect(() => emitter.emit('x')).not.toThrow();
      expect(seen).toEqual(['x']);
      expect(errors).toHaveLength(1);
    } finally {
      setListenerErrorHandler(previous);
    }
  });

  it('by default reports a listener error as a process warning', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const emitter = new EventEmitter<void>();
    emitter.event(() => {
      throw new Error('oops');
    });
    emitter.emit();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('oops'), { code: 'REL_LISTENER_ERROR' });
  });
});

describe('clock', () => {
  it('systemClock is monotonic and epoch-aligned', () => {
    const a = systemClock.now();
    const b = systemClock.now();
    expect(b).toBeGreaterThanOrEqual(a);
    expect(Math.abs(a - Date.now())).toBeLessThan(5_000);
  });

  it('systemClock reads the global performance on every call (fake timers installed later apply)', () => {
    const real = globalThis.performance;
    const fake = { timeOrigin: 1_000, now: () => 5 } as unknown as typeof globalThis.performance;
    try {
      globalThis.performance = fake;
      expect(systemClock.now()).toBe(1_005);
    } finally {
      globalThis.performance = real;
    }
    expect(Math.abs(systemClock.now() - Date.now())).toBeLessThan(5_000);
  });

  it('sleep rejects at once with an already-aborted signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(sleep(systemClock, 10_000, controller.signal)).rejects.toThrow('cancelled');
  });
});
