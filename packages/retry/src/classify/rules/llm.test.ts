import { type ClassifierDomain, type OutcomeKind } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { classify } from '../classifier.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const err = (props: Record<string, unknown>, message = 'failure', name?: string): Error => {
  const e = Object.assign(new Error(message), props);
  if (name) e.name = name;
  return e;
};
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

describe('llm domain', () => {
  const anthropic = (type: string, status: number): Error =>
    err({ status, error: { type: 'error', error: { type, message: type } } }, `${status} ${type}`);
  check('llm', [
    ['429 rate limit', err({ status: 429 }), 'rate_limited', true],
    [
      '429 insufficient_quota (OpenAI billing)',
      err({ status: 429, code: 'insufficient_quota' }),
      'permanent',
      false,
    ],
    ['529 overloaded', err({ status: 529 }, 'Overloaded'), 'overloaded', true],
    ['Anthropic overloaded_error', anthropic('overloaded_error', 529), 'overloaded', true],
    ['"overloaded" in the message', new Error('The server is overloaded, try later'), 'overloaded', true],
    ['Anthropic rate_limit_error', anthropic('rate_limit_error', 429), 'rate_limited', true],
    [
      'OpenAI context_length_exceeded',
      err({ status: 400, code: 'context_length_exceeded' }),
      'permanent',
      false,
    ],
    [
      'prompt is too long',
      err({ status: 400 }, 'prompt is too long: 210000 tokens > 200000 maximum'),
      'permanent',
      false,
    ],
    ['invalid_request_error', anthropic('invalid_request_error', 400), 'permanent', false],
    ['authentication_error', anthropic('authentication_error', 401), 'permanent', false],
    ['api_error (500)', anthropic('api_error', 500), 'transient', true],
    [
      'APIConnectionTimeoutError',
      err({}, 'Request timed out.', 'APIConnectionTimeoutError'),
      'timeout',
      true,
    ],
    ['APIConnectionError', err({}, 'Connection error.', 'APIConnectionError'), 'transient', true],
    ['network codes still apply', fetchFailed('ECONNRESET'), 'transient', true],
  ]);
});
