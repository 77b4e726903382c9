import {
  defineProfile,
  ReliabilityConfigSchema,
  type ReliabilityConfig,
  type ReliabilityConfigInput,
} from '@rel/config';

// Frozen inputs (the built-in profiles, `loadConfig()` results) cannot change: parse once.
const resolved = new WeakMap<object, ReliabilityConfig>();

/**
 * A complete, frozen profile from what `get(name, profile)` was given: a complete frozen
 * profile (`LLM_RELIABILITY_PROFILE`, `defineProfile(...)`, a `loadConfig()` service) is
 * used as it is after one validation; anything else is a partial profile layered over
 * the built-in one it names (`{ profile: 'llm', retry: { maxAttempts: 2 } }`).
 *
 * @throws `RelConfigError` naming every bad field.
 * @internal
 */
export function resolveProfile(input: ReliabilityConfig | ReliabilityConfigInput): ReliabilityConfig {
  const frozen = typeof input === 'object' && input !== null && Object.isFrozen(input);
  const hit = frozen ? resolved.get(input) : undefined;
  if (hit !== undefined) return hit;
  const config =
    frozen && !('profile' in input) && ReliabilityConfigSchema.safeParse(input).success
      ? (input as ReliabilityConfig)
      : defineProfile(input);
  if (frozen) resolved.set(input, config);
  return config;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const show = (value: unknown): string => {
  if (typeof value === 'function') return `[function ${(value as { name?: string }).name || 'anonymous'}]`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

function diff(a: unknown, b: unknown, path: string, out: string[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    // Lists of names (failure kinds, fallback kinds) are sets: order says nothing.
    const primitive = (xs: unknown[]): boolean =>
      xs.every((x) => typeof x !== 'object' && typeof x !== 'function');
    if (primitive(a) && primitive(b)) {
      const x = new Set(a);
      const y = new Set(b);
      if (x.size !== y.size || [...x].some((v) => !y.has(v))) out.push(`${path}: ${show(a)} vs ${show(b)}`);
      return;
    }
    if (a.length !== b.length) {
      out.push(`${path}: ${a.length} entries vs ${b.length}`);
      return;
    }
    a.forEach((v, i) => diff(v, b[i], `${path}[${i}]`, out));
    return;
  }
  if (isPlain(a) && isPlain(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      diff(a[key], b[key], path === '' ? key : `${path}.${key}`, out);
    return;
  }
  out.push(`${path}: ${show(a)} vs ${show(b)}`);
}

/**
 * Where two complete profiles differ, as `path: existing vs requested` lines (empty when
 * equal). Functions (custom backoff, matchers, a fallback function) compare by identity.
 * @internal
 */
export function profileDifferences(existing: ReliabilityConfig, requested: ReliabilityConfig): string[] {
  const out: string[] = [];
  diff(existing, requested, '', out);
  return out;
}
