import {
  ErrorMatcherSchema,
  RelConfigError,
  toValidationIssues,
  type ErrorClass,
  type ErrorMatcher,
  type ErrorMatcherObject,
  type OutcomeKind,
  type ValidationIssue,
} from '@rel/config';
import type { ErrorFacts } from './types.js';

/** A compiled matcher: does this failure (with this built-in verdict) match? */
export type CompiledMatcher = (value: unknown, facts: ErrorFacts, kind: OutcomeKind) => boolean;

const list = <T>(v: T | readonly T[]): readonly T[] => (Array.isArray(v) ? (v as readonly T[]) : [v as T]);

// A class cannot be called as a predicate (it throws), so classes match by instanceof.
// Error subclasses are recognised by prototype; other classes by their source text.
function isClass(fn: ErrorClass | ((error: unknown) => boolean)): fn is ErrorClass {
  const proto: unknown = (fn as { prototype?: unknown }).prototype;
  if (proto instanceof Error || fn === (Error as unknown)) return true;
  return proto !== undefined && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

function compileObject(m: ErrorMatcherObject): CompiledMatcher {
  const codes = m.code === undefined ? undefined : list(m.code);
  const names = m.name === undefined ? undefined : list(m.name);
  const kinds = m.kind === undefined ? undefined : list(m.kind);
  const texts =
    m.messageIncludes === undefined ? undefined : list(m.messageIncludes).map((t) => t.toLowerCase());
  const status = m.status;
  const statusMatches = (s: number | undefined): boolean => {
    if (status === undefined) return true;
    if (s === undefined) return false;
    if (typeof status === 'number') return s === status;
    if (Array.isArray(status)) return status.includes(s);
    return s >= status.min && s <= status.max;
  };
  return (_value, facts, kind) =>
    (codes === undefined || facts.codes.some((c) => codes.includes(c))) &&
    (names === undefined || (facts.name !== undefined && names.includes(facts.name))) &&
    (kinds === undefined || kinds.includes(kind)) &&
    (texts === undefined || texts.some((t) => facts.message.toLowerCase().includes(t))) &&
    statusMatches(facts.status);
}

/**
 * Validates and compiles `retryOn` / `neverRetryOn` matchers once: an error class matches
 * by `instanceof`, a function is a predicate `(error) => boolean` (a predicate that throws
 * counts as "no match"), an object matches when every key it sets matches (`code` anywhere
 * in the cause chain, `status`, `name`, the built-in `kind`, a case-insensitive
 * `messageIncludes`).
 *
 * @param field - the config field name, for error messages.
 * @throws {@link RelConfigError} naming each bad matcher, its value and what is allowed.
 * @example
 * ```ts
 * const [m] = compileMatchers([{ code: ['ECONNRESET'], status: { min: 500, max: 599 } }], 'retryOn');
 * ```
 */
export function compileMatchers(
  matchers: readonly ErrorMatcher[] | undefined,
  field: string,
): CompiledMatcher[] {
  if (matchers === undefined) return [];
  if (!Array.isArray(matchers)) {
    throw new RelConfigError(
      [{ path: field, received: matchers, expected: 'an array of matchers' }],
      'classifier options',
    );
  }
  const issues: ValidationIssue[] = [];
  const compiled = matchers.map((m: unknown, i): CompiledMatcher => {
    const parsed = ErrorMatcherSchema.safeParse(m);
    if (!parsed.success) {
      issues.push(...toValidationIssues(ErrorMatcherSchema, m, parsed.error.issues, `${field}[${i}]`));
      return () => false;
    }
    const matcher = parsed.data;
    if (typeof matcher !== 'function') return compileObject(matcher);
    if (isClass(matcher)) return (value) => value instanceof matcher;
    return (value) => {
      try {
        return matcher(value) === true;
      } catch {
        return false;
      }
    };
  });
  if (issues.length > 0) throw new RelConfigError(issues, 'classifier options');
  return compiled;
}
