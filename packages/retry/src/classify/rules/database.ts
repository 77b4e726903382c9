import type { OutcomeKind } from '@rel/config';
import { verdict } from '../verdict.js';
import type { Classification, ErrorFacts } from '../types.js';

/** Driver codes that are not SQLSTATEs (mysql, SQLite, Prisma). */
export const DATABASE_CODES: Readonly<Record<string, OutcomeKind>> = {
  // mysql / mysql2
  ER_LOCK_DEADLOCK: 'transient',
  ER_LOCK_WAIT_TIMEOUT: 'transient',
  PROTOCOL_CONNECTION_LOST: 'transient',
  ER_CON_COUNT_ERROR: 'overloaded',
  ER_DUP_ENTRY: 'permanent',
  ER_NO_REFERENCED_ROW_2: 'permanent',
  ER_ROW_IS_REFERENCED_2: 'permanent',
  ER_PARSE_ERROR: 'permanent',
  ER_BAD_FIELD_ERROR: 'permanent',
  ER_NO_SUCH_TABLE: 'permanent',
  ER_ACCESS_DENIED_ERROR: 'permanent',
  // SQLite
  SQLITE_BUSY: 'transient',
  SQLITE_LOCKED: 'transient',
  SQLITE_CONSTRAINT: 'permanent',
  SQLITE_READONLY: 'permanent',
  SQLITE_CORRUPT: 'permanent',
  // Prisma
  P1001: 'transient',
  P1002: 'timeout',
  P1008: 'timeout',
  P1017: 'transient',
  P2024: 'timeout',
  P2034: 'transient',
  P2002: 'permanent',
  P2003: 'permanent',
  P2025: 'permanent',
};

/**
 * The kind of a SQLSTATE (PostgreSQL `code`, mysql2 `sqlState`):
 * `40001` serialization failure and `40P01` deadlock are `transient` (the transaction can
 * simply run again); class `08` (connection) `transient`; `53300` too many connections
 * `overloaded`, other class `53` `transient`; `57P01`-`57P03` (server shutting down or
 * starting) `transient`; `57014` statement timeout `timeout`; `55P03` lock not available
 * `transient`; classes `23` (constraints), `42` (syntax, access), `22` (data), `28` (auth),
 * `0A` (unsupported) and other class `40` codes `permanent`.
 *
 * @see https://www.postgresql.org/docs/current/errcodes-appendix.html
 * @example
 * ```ts
 * sqlStateKind('40P01'); // 'transient'
 * sqlStateKind('23505'); // 'permanent'
 * ```
 */
export function sqlStateKind(state: string): OutcomeKind | undefined {
  if (!/^[0-9A-Z]{5}$/.test(state)) return undefined;
  if (state === '40001' || state === '40P01') return 'transient';
  if (state === '53300') return 'overloaded';
  if (state === '57014') return 'timeout';
  if (state === '55P03' || state === '57P01' || state === '57P02' || state === '57P03') return 'transient';
  const cls = state.slice(0, 2);
  if (cls === '08' || cls === '53') return 'transient';
  if (['23', '42', '22', '28', '0A', '40'].includes(cls)) return 'permanent';
  return undefined;
}

/**
 * Database signals: SQLSTATEs (from `code` or `sqlState`) and driver codes. Checked
 * before the network rule (database errors carry network codes too, which the default
 * rules still handle).
 *
 * @example
 * ```ts
 * databaseRule(Object.assign(new Error('could not serialize access'), { code: '40001' }), facts); // transient
 * ```
 */
export function databaseRule(_value: unknown, facts: ErrorFacts): Classification | undefined {
  for (const link of facts.chain) {
    if (typeof link !== 'object' || link === null) continue;
    const record = link as { code?: unknown; sqlState?: unknown; sqlstate?: unknown };
    for (const candidate of [record.sqlState, record.sqlstate, record.code]) {
      if (typeof candidate !== 'string') continue;
      const driver =
        DATABASE_CODES[candidate] ?? (candidate.startsWith('SQLITE_CONSTRAINT') ? 'permanent' : undefined);
      if (driver !== undefined) return verdict(driver, candidate);
      if (candidate.startsWith('SQLITE_BUSY') || candidate.startsWith('SQLITE_LOCKED')) {
        return verdict('transient', candidate);
      }
      const kind = sqlStateKind(candidate);
      if (kind !== undefined) return verdict(kind, `SQLSTATE ${candidate}`);
    }
  }
  return undefined;
}
