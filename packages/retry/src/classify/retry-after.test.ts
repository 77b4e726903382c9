import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, readHeader, retryAfterFromHeaders } from './retry-after.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 3 ', NOW)).toBe(3_000);
    expect(parseRetryAfter('1.5', NOW)).toBe(1_500);
    expect(parseRetryAfter(2, NOW)).toBe(2_000);
  });

  it('reads an HTTP-date relative to now, and a past date as 0', () => {
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
    expect(parseRetryAfter('Wed, 15 Jan 2025 12:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Wed, 15 Jan 2025 11:00:00 GMT', NOW)).toBe(0);
  });

  it('gives no hint for garbage rather than a wrong one', () => {
    for (const bad of [
      '',
      'soon',
      '-5',
      '1e3',
      'Mon',
      'tomorrow at noon',
      'NaN',
      null,
      undefined,
      {},
      -1,
      Number.NaN,
    ]) {
      expect(parseRetryAfter(bad, NOW)).toBeUndefined();
    }
  });

  it('round-trips any delay in whole seconds through both formats (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 }), (seconds) => {
        expect(parseRetryAfter(String(seconds), NOW)).toBe(seconds * 1000);
        expect(parseRetryAfter(new Date(NOW + seconds * 1000).toUTCString(), NOW)).toBe(seconds * 1000);
      }),
    );
  });
});

describe('retryAfterFromHeaders', () => {
  it('reads fetch Headers and plain objects, case-insensitively', () => {
    expect(retryAfterFromHeaders(new Headers({ 'Retry-After': '7' }), NOW)).toBe(7_000);
    expect(retryAfterFromHeaders({ 'Retry-After': '7' }, NOW)).toBe(7_000);
    expect(retryAfterFromHeaders({ 'retry-after': ['4', '9'] }, NOW)).toBe(4_000);
    expect(readHeader({ 'X-Thing': 'a' }, 'x-thing')).toBe('a');
  });

  it('prefers the millisecond headers', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '1500', 'retry-after': '2' }), NOW)).toBe(
      1_500,
    );
    expect(retryAfterFromHeaders({ 'x-ms-retry-after-ms': '250' }, NOW)).toBe(250);
    expect(retryAfterFromHeaders({ 'retry-after-ms': 'junk', 'retry-after': '2' }, NOW)).toBe(2_000);
  });

  it('has no hint without the headers', () => {
    expect(retryAfterFromHeaders(new Headers(), NOW)).toBeUndefined();
    expect(retryAfterFromHeaders({}, NOW)).toBeUndefined();
  });
});
