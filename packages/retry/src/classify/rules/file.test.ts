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

/** Table rows: label, value, expected kind, expected retryable. */
type Row = readonly [label: string, value: unknown, kind: OutcomeKind, retryable: boolean];
const check = (domain: ClassifierDomain, rows: readonly Row[]): void => {
  it.each(rows)('%s', (_label, value, kind, retryable) => {
    const c = classify(value, { domain, now: NOW });
    expect({ kind: c.kind, retryable: c.retryable }).toEqual({ kind, retryable });
    expect(c.reason.length).toBeGreaterThan(0);
  });
};

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
