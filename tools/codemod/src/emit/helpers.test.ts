// The emitted legacy rules decide exactly as @rel/compat's own rules on a corpus of errors.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APISpecificRetryStrategy,
  isConnectionError,
  isRuntimeError,
  isTimeoutError,
  RetryStrategy,
} from '@rel/compat';
import { AttemptTimeoutError, CancelledError } from '@rel/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from '../migrated-fixtures.js';
import { helperClosure, helperText, HELPER_NAMES } from './helpers.js';

type Rule = (error: unknown) => boolean;
let rules: Record<string, Rule>;
const dir = join(PACKAGE_DIR, '.migrated', `helpers-${process.pid}`);

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const body = helperClosure(HELPER_NAMES).map(helperText).join('\n\n');
  writeFileSync(
    join(dir, 'helpers.ts'),
    `import { getDefaultManager } from '@rel/core';\nimport { isRelError, REL_ERROR_CODES, type ReliabilityConfig } from '@rel/config';\n\n${body}\n\nexport { ${HELPER_NAMES.join(', ')} };\n`,
  );
  rules = (await import(join(dir, 'helpers.ts'))) as Record<string, Rule>;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class ValidationError extends Error {
  override name = 'ValidationError';
}
const coded = (code: string, message = code): Error => Object.assign(new Error(message), { code });
const CORPUS: unknown[] = [
  new Error('plain'),
  new Error('503 Service Unavailable'),
  new Error('Rate limit reached'),
  new Error('401 Unauthorized: timeout'),
  new Error('400 bad request (overloaded)'),
  new TypeError('fetch failed'),
  new TypeError('terminated'),
  new TypeError("Cannot read properties of undefined (reading 'id')"),
  new RangeError('out of range'),
  new ValidationError('bad input'),
  coded('ECONNRESET'),
  coded('ENOTFOUND'),
  coded('ETIMEDOUT', 'socket timed out'),
  new Error('wrapped', { cause: coded('UND_ERR_SOCKET') }),
  Object.assign(new Error('x'), { name: 'APIConnectionError' }),
  Object.assign(new Error('x'), { name: 'TimeoutError' }),
  new AttemptTimeoutError(10, 1),
  { message: 'overloaded' },
  'a thrown 429 string',
  42,
  null,
  undefined,
];

describe('emitted legacy rules', () => {
  it('legacyRetryManagerRetryable is compat RetryManager default set', () => {
    for (const e of CORPUS) {
      const expected = isConnectionError(e) || isTimeoutError(e) || isRuntimeError(e);
      expect([e, rules.legacyRetryManagerRetryable!(e)]).toEqual([e, expected]);
    }
  });

  it('legacyLlmRetryable and legacyApiRetryable are the strategies shouldRetry', () => {
    const llm = new RetryStrategy();
    const api = new APISpecificRetryStrategy('openai');
    for (const e of CORPUS) {
      expect([e, rules.legacyLlmRetryable!(e)]).toEqual([e, llm.shouldRetry(e)]);
      expect([e, rules.legacyApiRetryable!(e)]).toEqual([e, api.shouldRetry(e)]);
    }
  });

  it('isLegacyOperationFailure leaves @rel errors and aborts to the canonical rules, attempt timeouts aside', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(
      rules.isLegacyOperationFailure!(new CancelledError('cancelled', { attempts: [], totalTimeMs: 0 })),
    ).toBe(false);
    expect(rules.isLegacyOperationFailure!(abort)).toBe(false);
    expect(rules.isLegacyOperationFailure!(new AttemptTimeoutError(10, 1))).toBe(true);
    expect(rules.isLegacyOperationFailure!(new Error('x'))).toBe(true);
    expect(rules.isLegacyOperationFailure!('text')).toBe(true);
  });

  it('legacyErrorOf is the cause of a typed error, else the error itself', () => {
    const cause = new Error('root');
    expect(rules.legacyErrorOf!(new Error('typed', { cause }))).toBe(cause);
    expect(rules.legacyErrorOf!(cause)).toBe(cause);
    expect(rules.legacyErrorOf!('x')).toBe('x');
  });

  it('every helper comes with the helpers it calls, in a stable order', () => {
    expect(helperClosure(['withLegacyRetry'])).toEqual([
      'legacyErrorOf',
      'rethrowLegacyError',
      'withLegacyRetry',
    ]);
    expect(helperClosure(['legacyApiRetryable'])).toEqual([
      'legacyErrorText',
      'legacyLlmRetryable',
      'legacyApiRetryable',
    ]);
  });
});
