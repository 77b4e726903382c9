import { REL_ERROR_CODES, type RelErrorCode } from './codes.js';
import { RelError } from './rel-error.js';

/** One problem found while validating a configuration, event or message. */
export interface ValidationIssue {
  /** Dotted path to the value, e.g. `services.openai.retry.maxAttempts` (`(root)` for the whole input). */
  readonly path: string;
  /** The value found there (`undefined` when missing). */
  readonly received: unknown;
  /** What is allowed, in words. */
  readonly expected: string;
  /** A likely intended key or value, for misspellings. */
  readonly suggestion?: string;
  /** True when the key itself is not allowed (then `expected` lists the allowed keys). */
  readonly unknownKey?: boolean;
}

/** Renders a received value for a message: short, and never a huge dump. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return `a function`;
  if (typeof value === 'bigint') return `${value}n`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Formats issues as one readable, numbered message. */
export function formatIssues(subject: string, issues: readonly ValidationIssue[]): string {
  const lines = issues.map((issue) => {
    const hint = issue.suggestion === undefined ? '' : ` (did you mean "${issue.suggestion}"?)`;
    if (issue.unknownKey) return `  - ${issue.path}: unknown key${hint}; ${issue.expected}`;
    return `  - ${issue.path}: received ${describeValue(issue.received)}; expected ${issue.expected}${hint}`;
  });
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return `Invalid ${subject} (${count}):\n${lines.join('\n')}`;
}

/**
 * Base of the validation errors: every problem is listed (path, received value, what is
 * allowed, a "did you mean" for misspellings) in one message, and kept as data in `issues`.
 */
export class RelValidationError extends RelError {
  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];

  constructor(code: RelErrorCode, subject: string, issues: readonly ValidationIssue[]) {
    super(code, formatIssues(subject, issues));
    this.name = 'RelValidationError';
    this.issues = issues;
  }
}

/**
 * A configuration failed validation. The message lists every bad field at once.
 *
 * @example
 * ```text
 * Invalid @rel configuration (2 problems):
 *   - services.openai.retry.maxAtempts: unknown key (did you mean "maxAttempts"?); allowed keys: maxAttempts, ...
 *   - services.openai.retry.jitter: received "fulll"; expected one of "none" | "full" | "equal" | "proportional" (did you mean "full"?)
 * ```
 */
export class RelConfigError extends RelValidationError {
  constructor(issues: readonly ValidationIssue[], subject = '@rel configuration') {
    super(REL_ERROR_CODES.CONFIG_INVALID, subject, issues);
    this.name = 'RelConfigError';
  }
}
