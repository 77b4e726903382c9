import { AttemptTimeoutError, CancelledError, isRelError } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { systemError } from '../../test/fixtures.js';
import { domainRetryable } from './domain-errors.js';
import {
  isConnectionError,
  isProgrammingError,
  isRuntimeError,
  isTimeoutError,
  isValueError,
} from './error-families.js';
import { compileLegacyErrorSet } from './legacy-error-set.js';

describe('the legacy exception families in JavaScript', () => {
  it('ConnectionError: connection codes anywhere in the cause chain, fetch failures, SDK connection errors', () => {
    expect(isConnectionError(systemError('ECONNREFUSED'))).toBe(true);
    expect(isConnectionError(new TypeError('fetch failed', { cause: systemError('ECONNRESET') }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('x'), { name: 'APIConnectionError' }))).toBe(true);
    expect(isConnectionError(systemError('ENOENT'))).toBe(false);
    expect(isConnectionError(new Error('connection reset'))).toBe(false);
  });

  it('TimeoutError: TimeoutError names, timeout codes and @rel attempt timeouts', () => {
    expect(isTimeoutError(new DOMException('t', 'TimeoutError'))).toBe(true);
    expect(isTimeoutError(systemError('ETIMEDOUT'))).toBe(true);
    expect(isTimeoutError(new AttemptTimeoutError(2000, 1))).toBe(true);
    expect(isTimeoutError(new DOMException('a', 'AbortError'))).toBe(false);
  });

  it('RuntimeError is a plain Error; ValueError a RangeError; programming errors are bugs', () => {
    class Custom extends Error {}
    expect([
      isRuntimeError(new Error('x')),
      isRuntimeError(new Custom('y')),
      isRuntimeError(new TypeError('z')),
      isRuntimeError('text'),
    ]).toEqual([true, true, false, false]);
    expect([
      isValueError(new RangeError('r')),
      isValueError(Object.assign(new Error('v'), { name: 'ValueError' })),
    ]).toEqual([true, true]);
    expect([
      isProgrammingError(new TypeError('x is undefined')),
      isProgrammingError(new TypeError('fetch failed')),
    ]).toEqual([true, false]);
  });
});

describe('compileLegacyErrorSet', () => {
  it('matches classes by instanceof, predicates, and legacy names', () => {
    class QuotaError extends Error {}
    const set = compileLegacyErrorSet(
      [QuotaError, (e) => (e as { code?: string }).code === 'X', 'TimeoutError', 'KeyError'],
      'set',
    );
    expect(set(new QuotaError('q'))).toBe(true);
    expect(set(Object.assign(new Error('x'), { code: 'X' }))).toBe(true);
    expect(set(systemError('ETIMEDOUT'))).toBe(true);
    expect(set(Object.assign(new Error('k'), { name: 'KeyError' }))).toBe(true);
    expect(set(new Error('other'))).toBe(false);
    expect(compileLegacyErrorSet(['Exception'], 'all')('anything')).toBe(true);
    expect(compileLegacyErrorSet(['TypeError'], 't')(new TypeError('fetch failed'))).toBe(false);
  });

  it('rejects what is neither, naming the entry', () => {
    let error: unknown;
    try {
      compileLegacyErrorSet(['ConnectionError', 42 as never, ''], 'retryableExceptions');
    } catch (e) {
      error = e;
    }
    expect(isRelError(error, 'REL_CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toContain('retryableExceptions[1]: received 42');
    expect((error as Error).message).toContain('retryableExceptions[2]');
  });
});

describe('domainRetryable', () => {
  it('takes only what the canonical domain rules recognise as retryable', () => {
    const db = domainRetryable('database');
    expect(db(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBe(true);
    expect(db(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(db(new Error('something unknown'))).toBe(false);
    expect(domainRetryable('http')(Object.assign(new Error('busy'), { status: 503 }))).toBe(true);
    expect(domainRetryable('http')(new CancelledError('stop'))).toBe(false);
    expect(domainRetryable('database')).toBe(db);
  });
});
