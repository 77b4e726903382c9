import { type ClassifierDomain, type OutcomeKind } from '@rel/config';
import { describe, expect, it } from 'vitest';
import { classify } from '../classifier.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

/** Table rows: label, value, expected kind, expected retryable. */
type Row = readonly [label: string, value: unknown, kind: OutcomeKind, retryable: boolean];
const check = (domain: ClassifierDomain, rows: readonly Row[]): void => {
  it.each(rows)('%s', (_label, value, kind, retryable) => {
    const c = classify(value, { domain, now: NOW });
    expect({ kind: c.kind, retryable: c.retryable }).toEqual({ kind, retryable });
    expect(c.reason.length).toBeGreaterThan(0);
  });
};

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
