import { CancelledError, RelConfigError, type ClassifierDomain } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { classify, createClassifier } from './classifier.js';

const err = (props: Record<string, unknown>, message = 'failure', name?: string): Error => {
  const e = Object.assign(new Error(message), props);
  if (name) e.name = name;
  return e;
};

describe('domains do not leak into each other', () => {
  it('a SQLSTATE is only read by the database domain', () => {
    expect(classify(err({ code: '23505' }), { domain: 'database' }).retryable).toBe(false);
    expect(classify(err({ code: '23505' }), { domain: 'default' }).kind).toBe('transient');
  });
});

describe('createClassifier: matchers and rules', () => {
  class QuotaError extends Error {}
  it('neverRetryOn wins over everything, with every matcher form', () => {
    const c = createClassifier({
      neverRetryOn: [
        QuotaError,
        (e) => (e as { fatal?: boolean }).fatal === true,
        { code: 'ECONNRESET', messageIncludes: 'PROXY' },
      ],
      retryOn: [QuotaError],
    });
    expect(c(new QuotaError('q')).kind).toBe('permanent');
    expect(c(Object.assign(new Error('x'), { fatal: true })).reason).toBe('neverRetryOn[1] matched');
    expect(c(err({ code: 'ECONNRESET' }, 'reset by proxy')).retryable).toBe(false);
    expect(c(err({ code: 'ECONNRESET' }, 'reset by peer')).retryable).toBe(true);
  });

  it('neverRetryOn can match on the built-in kind and on status ranges', () => {
    const c = createClassifier({
      neverRetryOn: [{ kind: 'rate_limited' }, { status: { min: 500, max: 502 } }],
    });
    expect(c(err({ status: 429 })).retryable).toBe(false);
    expect(c(err({ status: 501 })).reason).toBe('neverRetryOn[1] matched');
    expect(c(err({ status: 503 })).retryable).toBe(true);
  });

  it('retryOn makes a permanent failure retryable but never a cancellation', () => {
    const c = createClassifier({ retryOn: [{ status: 409 }, Error] });
    expect(c(err({ status: 409 }))).toMatchObject({ kind: 'transient', retryable: true });
    expect(c(new TypeError('a bug')).retryable).toBe(true);
    expect(c(new CancelledError('stop')).retryable).toBe(false);
    expect(c(new DOMException('x', 'AbortError')).kind).toBe('cancelled');
  });

  it('user rules run first; a throwing rule is skipped', () => {
    const c = createClassifier({
      domain: 'http',
      rules: [
        () => {
          throw new Error('rule bug');
        },
        (e) =>
          (e as { status?: number }).status === 418 ? { kind: 'overloaded', reason: 'teapot' } : undefined,
      ],
    });
    expect(c(err({ status: 418 }))).toEqual({ kind: 'overloaded', retryable: true, reason: 'teapot' });
    expect(c(err({ status: 404 })).kind).toBe('permanent');
  });

  it('rejects bad options with a RelConfigError naming the field', () => {
    expect(() => createClassifier({ domain: 'grpc' as ClassifierDomain })).toThrow(/domain: received "grpc"/);
    expect(() => createClassifier({ retryOn: [{}] as never })).toThrow(RelConfigError);
    expect(() => createClassifier({ retryOn: [{ staus: 500 }] as never })).toThrow(/retryOn\[0\]/);
    expect(() => createClassifier({ rules: ['nope' as never] })).toThrow(/rules\[0\]/);
  });
});
