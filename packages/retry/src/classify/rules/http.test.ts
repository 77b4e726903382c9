import { type ClassifierDomain, type OutcomeKind } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { classify } from '../classifier.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const err = (props: Record<string, unknown>, message = 'failure', name?: string): Error => {
  const e = Object.assign(new Error(message), props);
  if (name) e.name = name;
  return e;
};
const response = (status: number, headers: Record<string, string> = {}): Response =>
  new Response(null, { status, headers });

/** Table rows: label, value, expected kind, expected retryable. */
type Row = readonly [label: string, value: unknown, kind: OutcomeKind, retryable: boolean];
const check = (domain: ClassifierDomain, rows: readonly Row[]): void => {
  it.each(rows)('%s', (_label, value, kind, retryable) => {
    const c = classify(value, { domain, now: NOW });
    expect({ kind: c.kind, retryable: c.retryable }).toEqual({ kind, retryable });
    expect(c.reason.length).toBeGreaterThan(0);
  });
};

describe('default domain: HTTP statuses on errors', () => {
  const withStatus = (status: number): Error => err({ status }, `HTTP ${status}`);
  check('default', [
    ['408', withStatus(408), 'timeout', true],
    ['425', withStatus(425), 'transient', true],
    ['429', withStatus(429), 'rate_limited', true],
    ['500', withStatus(500), 'transient', true],
    ['502', withStatus(502), 'transient', true],
    ['503', withStatus(503), 'overloaded', true],
    ['504', withStatus(504), 'timeout', true],
    ['400', withStatus(400), 'permanent', false],
    ['401', withStatus(401), 'permanent', false],
    ['404', withStatus(404), 'permanent', false],
    ['409', withStatus(409), 'permanent', false],
    ['501', withStatus(501), 'permanent', false],
    ['520 (CDN origin error)', withStatus(520), 'transient', true],
    ['statusCode (node http)', err({ statusCode: 503 }), 'overloaded', true],
    ['response.status (axios)', err({ response: { status: 502, headers: {} } }), 'transient', true],
    ['$metadata.httpStatusCode (AWS SDK)', err({ $metadata: { httpStatusCode: 500 } }), 'transient', true],
    ['ws upgrade failure', new Error('Unexpected server response: 429'), 'rate_limited', true],
  ]);
});

describe('Retry-After on classified failures', () => {
  it('attaches delta-seconds and HTTP-date hints to retryable verdicts', () => {
    const a = classify(err({ status: 429, headers: { 'retry-after': '3' } }), { now: NOW });
    expect(a).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 3_000 });
    const date = new Date(NOW + 10_000).toUTCString();
    const b = classify(
      err({ status: 503, response: { status: 503, headers: new Headers({ 'Retry-After': date }) } }),
      { now: NOW },
    );
    expect(b).toMatchObject({ kind: 'overloaded', retryAfterMs: 10_000 });
  });

  it('does not attach a hint to permanent failures', () => {
    expect(
      classify(err({ status: 400, headers: { 'retry-after': '3' } }), { now: NOW }).retryAfterMs,
    ).toBeUndefined();
  });
});

describe('results (Response-like values)', () => {
  it('http and llm domains turn failing responses into verdicts; 2xx and non-responses are success', () => {
    expect(
      classify(response(503, { 'retry-after': '2' }), { domain: 'http', result: true, now: NOW }),
    ).toMatchObject({
      kind: 'overloaded',
      retryable: true,
      retryAfterMs: 2_000,
    });
    expect(classify(response(404), { domain: 'http', result: true }).kind).toBe('permanent');
    expect(classify(response(200), { domain: 'http', result: true }).kind).toBe('success');
    expect(classify(response(429), { domain: 'llm', result: true }).kind).toBe('rate_limited');
    expect(classify({ status: 500 }, { domain: 'http', result: true }).kind).toBe('success');
    expect(classify(42, { domain: 'http', result: true }).kind).toBe('success');
  });

  it('other domains never read results', () => {
    expect(classify(response(503), { domain: 'default', result: true }).kind).toBe('success');
    expect(classify(response(503), { domain: 'database', result: true }).kind).toBe('success');
  });
});
