import { type ClassifierDomain, type OutcomeKind } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { classify } from '../classifier.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const err = (props: Record<string, unknown>, message = 'failure', name?: string): Error => {
  const e = Object.assign(new Error(message), props);
  if (name) e.name = name;
  return e;
};
const sys = (code: string): Error => err({ code }, `${code} happened`);
const fetchFailed = (code?: string): TypeError =>
  new TypeError('fetch failed', code ? { cause: err({ code }, 'socket') } : {});

/** Table rows: label, value, expected kind, expected retryable. */
type Row = readonly [label: string, value: unknown, kind: OutcomeKind, retryable: boolean];
const check = (domain: ClassifierDomain, rows: readonly Row[]): void => {
  it.each(rows)('%s', (_label, value, kind, retryable) => {
    const c = classify(value, { domain, now: NOW });
    expect({ kind: c.kind, retryable: c.retryable }).toEqual({ kind, retryable });
    expect(c.reason.length).toBeGreaterThan(0);
  });
};

describe('default domain: Node system and undici codes', () => {
  check('default', [
    ['ECONNRESET', sys('ECONNRESET'), 'transient', true],
    ['ECONNREFUSED', sys('ECONNREFUSED'), 'transient', true],
    ['EPIPE', sys('EPIPE'), 'transient', true],
    ['EAI_AGAIN', sys('EAI_AGAIN'), 'transient', true],
    ['EHOSTUNREACH', sys('EHOSTUNREACH'), 'transient', true],
    ['ENETUNREACH', sys('ENETUNREACH'), 'transient', true],
    ['ECONNABORTED', sys('ECONNABORTED'), 'transient', true],
    ['ETIMEDOUT', sys('ETIMEDOUT'), 'timeout', true],
    ['ENOTFOUND (decided: a configuration error)', sys('ENOTFOUND'), 'permanent', false],
    ['CERT_HAS_EXPIRED', sys('CERT_HAS_EXPIRED'), 'permanent', false],
    ['UND_ERR_CONNECT_TIMEOUT', sys('UND_ERR_CONNECT_TIMEOUT'), 'timeout', true],
    ['UND_ERR_HEADERS_TIMEOUT', sys('UND_ERR_HEADERS_TIMEOUT'), 'timeout', true],
    ['UND_ERR_BODY_TIMEOUT', sys('UND_ERR_BODY_TIMEOUT'), 'timeout', true],
    ['UND_ERR_SOCKET', sys('UND_ERR_SOCKET'), 'transient', true],
    ['UND_ERR_CLOSED', sys('UND_ERR_CLOSED'), 'transient', true],
    ['UND_ERR_ABORTED', sys('UND_ERR_ABORTED'), 'cancelled', false],
    ['UND_ERR_INVALID_ARG', sys('UND_ERR_INVALID_ARG'), 'permanent', false],
    ['fetch failed with cause ECONNRESET', fetchFailed('ECONNRESET'), 'transient', true],
    [
      'fetch failed with cause UND_ERR_CONNECT_TIMEOUT',
      fetchFailed('UND_ERR_CONNECT_TIMEOUT'),
      'timeout',
      true,
    ],
    ['fetch failed with cause ENOTFOUND', fetchFailed('ENOTFOUND'), 'permanent', false],
    ['fetch failed without a cause', fetchFailed(), 'transient', true],
    ['TypeError: terminated (body cut)', new TypeError('terminated'), 'transient', true],
    [
      'AggregateError of ECONNREFUSED (happy eyeballs)',
      new AggregateError([sys('ECONNREFUSED'), sys('ECONNREFUSED')], 'connect failed'),
      'transient',
      true,
    ],
  ]);
});
