import {
  AttemptTimeoutError,
  BudgetExhaustedError,
  CancelledError,
  CircuitOpenError,
  DeadlineExceededError,
  NonRetryableError,
  RelConfigError,
  RetryExhaustedError,
  type ClassifierDomain,
  type OutcomeKind,
} from '@rel/config';
import { describe, expect, it } from 'vitest';
import { classify, createClassifier } from './classifier.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const err = (props: Record<string, unknown>, message = 'failure', name?: string): Error => {
  const e = Object.assign(new Error(message), props);
  if (name) e.name = name;
  return e;
};
const sys = (code: string): Error => err({ code }, `${code} happened`);
const fetchFailed = (code?: string): TypeError =>
  new TypeError('fetch failed', code ? { cause: err({ code }, 'socket') } : {});
const response = (status: number, headers: Record<string, string> = {}): Response =>
  new Response(null, { status, headers });

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

describe('default domain: abort signals, programming errors, unknowns', () => {
  check('default', [
    ['AbortError DOMException', new DOMException('aborted', 'AbortError'), 'cancelled', false],
    ['TimeoutError DOMException', new DOMException('timed out', 'TimeoutError'), 'timeout', true],
    [
      'AbortSignal.timeout reason',
      AbortSignal.timeout(0).reason ?? new DOMException('t', 'TimeoutError'),
      'timeout',
      true,
    ],
    [
      'TypeError (a bug)',
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      'permanent',
      false,
    ],
    ['ReferenceError (a bug)', new ReferenceError('x is not defined'), 'permanent', false],
    ['plain Error (unknown: retried, like legacy)', new Error('something odd'), 'transient', true],
    ['a thrown string', 'oops', 'transient', true],
    ['a thrown undefined', undefined, 'transient', true],
    [
      'an error with an exotic throwing getter',
      Object.defineProperty(new Error('x'), 'code', {
        get: () => {
          throw new Error('getter');
        },
      }),
      'transient',
      true,
    ],
  ]);
});

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

describe('@rel errors map to their kinds', () => {
  const attempts = [{ attempt: 1, startedAt: 0, durationMs: 1, outcome: 'rate_limited' as const }];
  check('default', [
    ['AttemptTimeoutError', new AttemptTimeoutError(100, 1), 'timeout', true],
    [
      'CircuitOpenError',
      new CircuitOpenError('open', { circuit: 'c', state: 'open', retryAfterMs: 5 }),
      'circuit_open',
      false,
    ],
    ['CancelledError', new CancelledError('cancelled'), 'cancelled', false],
    ['DeadlineExceededError', new DeadlineExceededError('late'), 'deadline_exceeded', false],
    ['BudgetExhaustedError', new BudgetExhaustedError('no budget'), 'budget_exhausted', false],
    ['NonRetryableError', new NonRetryableError('nope'), 'permanent', false],
    ['RelConfigError', new RelConfigError([]), 'permanent', false],
    [
      'RetryExhaustedError (inner retry: not again)',
      new RetryExhaustedError('gave up', { attempts }),
      'rate_limited',
      false,
    ],
  ]);

  it('CircuitOpenError keeps its retry-after hint', () => {
    const c = classify(new CircuitOpenError('open', { circuit: 'c', state: 'open', retryAfterMs: 1_234 }));
    expect(c.retryAfterMs).toBe(1_234);
  });
});

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

describe('database domain', () => {
  const pg = (code: string): Error => err({ code }, `pg ${code}`);
  check('database', [
    ['40001 serialization failure', pg('40001'), 'transient', true],
    ['40P01 deadlock', pg('40P01'), 'transient', true],
    ['08006 connection failure', pg('08006'), 'transient', true],
    ['08001 cannot connect', pg('08001'), 'transient', true],
    ['53300 too many connections', pg('53300'), 'overloaded', true],
    ['57P01 admin shutdown', pg('57P01'), 'transient', true],
    ['57014 statement timeout', pg('57014'), 'timeout', true],
    ['23505 unique violation', pg('23505'), 'permanent', false],
    ['23503 foreign key violation', pg('23503'), 'permanent', false],
    ['42P01 undefined table', pg('42P01'), 'permanent', false],
    ['42601 syntax error', pg('42601'), 'permanent', false],
    ['22P02 invalid text representation', pg('22P02'), 'permanent', false],
    [
      'mysql2 deadlock (sqlState 40001)',
      err({ code: 'ER_LOCK_DEADLOCK', errno: 1213, sqlState: '40001' }),
      'transient',
      true,
    ],
    ['mysql ER_DUP_ENTRY', err({ code: 'ER_DUP_ENTRY', errno: 1062, sqlState: '23000' }), 'permanent', false],
    ['SQLITE_BUSY', err({ code: 'SQLITE_BUSY' }), 'transient', true],
    ['SQLITE_CONSTRAINT_UNIQUE', err({ code: 'SQLITE_CONSTRAINT_UNIQUE' }), 'permanent', false],
    ['Prisma P2034 write conflict', err({ code: 'P2034' }), 'transient', true],
    ['Prisma P2002 unique', err({ code: 'P2002' }), 'permanent', false],
    ['ECONNRESET from the driver', sys('ECONNRESET'), 'transient', true],
  ]);
});

describe('file domain', () => {
  check('file', [
    ['EBUSY', sys('EBUSY'), 'transient', true],
    ['EMFILE', sys('EMFILE'), 'transient', true],
    ['ENFILE', sys('ENFILE'), 'transient', true],
    ['EAGAIN', sys('EAGAIN'), 'transient', true],
    ['ENOENT', sys('ENOENT'), 'permanent', false],
    ['EISDIR', sys('EISDIR'), 'permanent', false],
    ['EACCES', sys('EACCES'), 'permanent', false],
    ['EPERM', sys('EPERM'), 'permanent', false],
    ['ENOTDIR', sys('ENOTDIR'), 'permanent', false],
    ['ENOSPC (decided: permanent)', sys('ENOSPC'), 'permanent', false],
  ]);
});

describe('websocket domain', () => {
  const close = (code: number): unknown => ({ code, reason: '', wasClean: false });
  check('websocket', [
    ['1006 abnormal closure', close(1006), 'transient', true],
    ['1011 server error', close(1011), 'transient', true],
    ['1012 service restart', close(1012), 'transient', true],
    ['1013 try again later', close(1013), 'overloaded', true],
    ['1001 going away', close(1001), 'transient', true],
    ['1008 policy violation', close(1008), 'permanent', false],
    ['1003 unsupported data', close(1003), 'permanent', false],
    ['1002 protocol error', close(1002), 'permanent', false],
    ['closeCode on an Error', err({ closeCode: 1011 }), 'transient', true],
    ['ws WS_ERR_INVALID_CLOSE_CODE', sys('WS_ERR_INVALID_CLOSE_CODE'), 'permanent', false],
    ['ECONNREFUSED on connect', sys('ECONNREFUSED'), 'transient', true],
  ]);
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
