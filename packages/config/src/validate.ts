import type { z } from 'zod';
import type { ValidationIssue } from './errors/config-error.js';

/** Edit distance, used only to suggest a misspelt key or value. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The closest candidate to `word`, if it is close enough to be a plausible typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = distance(lower, candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

type Path = readonly PropertyKey[];

function valueAt(input: unknown, path: Path): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function joinPath(prefix: string, path: Path): string {
  let out = prefix;
  for (const key of path) {
    const text = String(key);
    // Plain keys read as `a.b`; empty or odd keys are quoted so the path stays unambiguous.
    if (typeof key === 'number' || /^[A-Za-z_$][\w$-]*$/.test(text)) out += out === '' ? text : `.${text}`;
    else out += `[${JSON.stringify(text)}]`;
  }
  return out === '' ? '(root)' : out;
}

/** Allowed keys of the (strict) object schema at `path`, for "did you mean" on unknown keys. */
function keysAt(schema: z.ZodType, path: Path): string[] {
  const unwrap = (s: unknown): unknown[] => {
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    switch (def['type']) {
      case 'object':
        return [s];
      case 'optional':
      case 'nullable':
      case 'default':
      case 'pipe':
        return unwrap(def['innerType'] ?? def['in']);
      case 'union':
        return (def['options'] as unknown[]).flatMap(unwrap);
      case 'record':
        return [{ __record: def['valueType'] }];
      case 'array':
        return [{ __array: def['element'] }];
      default:
        return [];
    }
  };
  const objectsOf = (s: unknown): unknown[] => unwrap(s);
  let candidates = objectsOf(schema);
  for (const key of path) {
    const next: unknown[] = [];
    for (const candidate of candidates) {
      const c = candidate as { __record?: unknown; __array?: unknown; shape?: Record<string, unknown> };
      if (c.__record) next.push(...objectsOf(c.__record));
      else if (c.__array) next.push(...objectsOf(c.__array));
      else if (c.shape && typeof key === 'string' && key in c.shape) next.push(...objectsOf(c.shape[key]));
    }
    candidates = next;
  }
  const keys = new Set<string>();
  for (const candidate of candidates) {
    const shape = (candidate as { shape?: Record<string, unknown> }).shape;
    if (shape) for (const key of Object.keys(shape)) keys.add(key);
  }
  return [...keys];
}

function describeExpected(issue: z.core.$ZodIssue): { expected: string; values?: readonly string[] } {
  switch (issue.code) {
    case 'invalid_type':
      return {
        expected:
          issue.expected === 'custom' ? issue.message.replace(/^expected /, '') : `a ${issue.expected}`,
      };
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      return {
        expected: values.length === 1 ? values[0]! : `one of ${values.join(' | ')}`,
        values: issue.values.filter((v): v is string => typeof v === 'string'),
      };
    }
    case 'too_small': {
      const op = issue.inclusive === false ? '>' : '>=';
      return {
        expected:
          issue.origin === 'array' || issue.origin === 'string'
            ? `length ${op} ${String(issue.minimum)}`
            : `a number ${op} ${String(issue.minimum)}`,
      };
    }
    case 'too_big': {
      const op = issue.inclusive === false ? '<' : '<=';
      return {
        expected:
          issue.origin === 'array' || issue.origin === 'string'
            ? `length ${op} ${String(issue.maximum)}`
            : `a number ${op} ${String(issue.maximum)}`,
      };
    }
    case 'invalid_format':
      return { expected: issue.message };
    default:
      return { expected: issue.message };
  }
}

/** Picks the union branch that got furthest: the one whose first issue is deepest or not a type mismatch at the root. */
function bestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] {
  let best: readonly z.core.$ZodIssue[] = branches[0] ?? [];
  let bestScore = -Infinity;
  for (const branch of branches) {
    const first = branch[0];
    if (!first) return branch;
    const score =
      first.path.length * 10 + (first.code === 'invalid_type' ? 0 : first.code === 'invalid_value' ? 1 : 5);
    if (score > bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Turns zod issues into {@link ValidationIssue}s: dotted path, the received value, what is
 * allowed, and a suggestion for misspelt keys and enum values.
 */
export function toValidationIssues(
  schema: z.ZodType,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
  prefix = '',
  basePath: Path = [],
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push(...toValidationIssues(schema, input, bestBranch(issue.errors), prefix, path));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(schema, path);
      for (const key of issue.keys) {
        const suggestion = suggest(key, allowed);
        out.push({
          path: joinPath(prefix, [...path, key]),
          received: valueAt(input, [...path, key]),
          expected: allowed.length > 0 ? `allowed keys: ${allowed.join(', ')}` : 'no keys are allowed here',
          unknownKey: true,
          ...(suggestion === undefined ? {} : { suggestion }),
        });
      }
      continue;
    }
    const received = valueAt(input, path);
    const { expected, values } = describeExpected(issue);
    const suggestion = values && typeof received === 'string' ? suggest(received, values) : undefined;
    out.push({ path: joinPath(prefix, path), received, expected, ...(suggestion ? { suggestion } : {}) });
  }
  return out;
}
