import type { ValidationIssue } from '../errors/config-error.js';

/** One environment variable turned into a config path. */
export interface EnvEntry {
  /** Variable name, e.g. `REL__OPENAI__RETRY__MAX_ATTEMPTS`. */
  readonly variable: string;
  /** Service name it targets. */
  readonly service: string;
  /** Path inside the service's profile, e.g. `['retry', 'maxAttempts']`. */
  readonly path: readonly string[];
  /** The value: JSON when it parses as JSON (numbers, booleans, arrays), the raw string otherwise. */
  readonly value: unknown;
}

/** `MAX_ATTEMPTS` -> `maxAttempts`, `CIRCUIT_BREAKER` -> `circuitBreaker`. */
export function screamingToCamel(segment: string): string {
  return segment
    .toLowerCase()
    .split('_')
    .filter((part) => part.length > 0)
    .map((part, i) => (i === 0 ? part : part[0]!.toUpperCase() + part.slice(1)))
    .join('');
}

/** Normal form used to match an env service token to a known service name. */
const normal = (name: string): string => name.toLowerCase().replace(/[-.]/g, '_');

function parseValue(raw: string): unknown {
  const trimmed = raw.trim();
  if (trimmed === '') return raw;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Reads `<PREFIX>__<SERVICE>__<SECTION>__<FIELD>` variables (double underscores between
 * levels, SCREAMING_SNAKE within a level). The service token matches a known service
 * case-insensitively (`-` and `.` in its name read as `_`); an unknown token names a new
 * service, lower-cased with `_` turned into `-`.
 *
 * @example
 * ```sh
 * REL__OPENAI__PROFILE=llm
 * REL__OPENAI__RETRY__MAX_ATTEMPTS=5
 * REL__OPENAI__RETRY__BUDGET__RATIO=0.1
 * REL__OPENAI__CIRCUIT_BREAKER=false
 * ```
 */
export function readEnv(
  env: Readonly<Record<string, string | undefined>>,
  prefix: string,
  knownServices: readonly string[],
  issues: ValidationIssue[],
): EnvEntry[] {
  const lead = `${prefix}__`;
  const known = new Map(knownServices.map((name) => [normal(name), name]));
  const entries: EnvEntry[] = [];
  for (const variable of Object.keys(env).sort()) {
    const raw = env[variable];
    if (!variable.startsWith(lead) || raw === undefined) continue;
    const [serviceToken, ...rest] = variable.slice(lead.length).split('__');
    if (!serviceToken || rest.length === 0 || rest.some((s) => s === '')) {
      issues.push({
        path: `env ${variable}`,
        received: raw,
        expected: `a name like ${prefix}__<SERVICE>__<SECTION>__<FIELD> (e.g. ${prefix}__OPENAI__RETRY__MAX_ATTEMPTS)`,
      });
      continue;
    }
    const service = known.get(normal(serviceToken)) ?? serviceToken.toLowerCase().replace(/_/g, '-');
    entries.push({ variable, service, path: rest.map(screamingToCamel), value: parseValue(raw) });
  }
  return entries;
}
