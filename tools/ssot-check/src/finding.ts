/** The rules of the check. */
export const RULES = ['retry-loop', 'breaker-state', 'reliability-library', 'deprecated-import'] as const;

/** One of {@link RULES}. */
export type RuleId = (typeof RULES)[number];

/** One place where reliability logic lives outside the canonical packages. */
export interface Finding {
  readonly rule: RuleId;
  /** Path relative to the scan root, with `/` separators. */
  readonly file: string;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}
