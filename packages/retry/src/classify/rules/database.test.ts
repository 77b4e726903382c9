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
