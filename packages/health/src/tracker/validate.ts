import {
  OUTCOME_KINDS,
  REL_ERROR_CODES,
  RelConfigError,
  RelValidationError,
  type ValidationIssue,
} from '@rel/config';
import { KIND_CODE } from './outcome-category.js';

/**
 * Throws a `RelValidationError` (`REL_INVALID_EVENT`) listing every bad field of a
 * sample. Only called once the fast check in `record()` has failed, so the hot path pays
 * nothing for the message.
 */
export function throwInvalidSample(sample: unknown): never {
  const issues: ValidationIssue[] = [];
  if (typeof sample !== 'object' || sample === null) {
    issues.push({
      path: '(root)',
      received: sample,
      expected: 'an object { kind, durationMs, attempt?, error? }',
    });
  } else {
    const { kind, durationMs, attempt } = sample as Record<string, unknown>;
    if (typeof kind !== 'string' || KIND_CODE[kind] === undefined) {
      issues.push({
        path: 'kind',
        received: kind,
        expected: `one of ${OUTCOME_KINDS.map((k) => `"${k}"`).join(' | ')}`,
      });
    }
    if (typeof durationMs !== 'number' || !(durationMs >= 0) || durationMs === Infinity) {
      issues.push({
        path: 'durationMs',
        received: durationMs,
        expected: 'a finite number of milliseconds >= 0',
      });
    }
    if (attempt !== undefined && !(Number.isInteger(attempt) && (attempt as number) >= 1)) {
      issues.push({
        path: 'attempt',
        received: attempt,
        expected: 'an integer >= 1 (1-based attempt number)',
      });
    }
  }
  throw new RelValidationError(REL_ERROR_CODES.INVALID_EVENT, 'health sample', issues);
}

/** Returns `level` when it is `undefined` or a number in [0, 1]; otherwise throws naming `path`. */
export function checkBudgetLevel(level: unknown, path: string): number | undefined {
  if (level === undefined || (typeof level === 'number' && level >= 0 && level <= 1)) return level;
  throw new RelValidationError(REL_ERROR_CODES.INVALID_EVENT, 'budget level', [
    { path, received: level, expected: 'a number in [0, 1] (1 = full budget) or undefined (unknown)' },
  ]);
}

/** Checks a service or operation name: a non-empty string. */
export function checkName(value: unknown, path: string, subject: string): string {
  if (typeof value === 'string' && value.length > 0) return value;
  throw new RelConfigError([{ path, received: value, expected: 'a non-empty string' }], subject);
}
