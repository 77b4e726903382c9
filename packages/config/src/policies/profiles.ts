import { DEFAULT_RELIABILITY_CONFIG } from '../defaults.js';
import { RelConfigError } from '../errors/config-error.js';
import { deepFreeze } from '../freeze.js';
import { parseReliabilityConfig } from '../parse.js';
import {
  PROFILE_NAMES,
  type ProfileName,
  type ReliabilityConfig,
  type ReliabilityConfigInput,
} from '../schema/reliability.js';
import { suggest } from '../validate.js';
import { API_CIRCUIT_BREAKER, DATABASE_CIRCUIT_BREAKER, LLM_CIRCUIT_BREAKER } from './circuit-policies.js';
import {
  AGENT_RETRY_POLICY,
  API_RETRY_POLICY,
  DATABASE_RETRY_POLICY,
  FILE_RETRY_POLICY,
  LLM_RETRY_POLICY,
  WEBSOCKET_RETRY_POLICY,
} from './retry-policies.js';

/** Database calls: the database policy and breaker, events on. */
export const DATABASE_RELIABILITY_PROFILE: ReliabilityConfig = parseReliabilityConfig({
  retry: DATABASE_RETRY_POLICY,
  circuitBreaker: DATABASE_CIRCUIT_BREAKER,
});

/**
 * LLM provider calls: the LLM policy and breaker. Events are off, as the consolidation
 * plan sketches ("LLM calls don't need WebSocket events": the agent run around them
 * reports); turn them on with `events: { enabled: true }`.
 */
export const LLM_RELIABILITY_PROFILE: ReliabilityConfig = parseReliabilityConfig({
  retry: LLM_RETRY_POLICY,
  circuitBreaker: LLM_CIRCUIT_BREAKER,
  events: { enabled: false },
});

/** Agent operations: the agent policy, no breaker (as in the legacy policy), events on. */
export const AGENT_RELIABILITY_PROFILE: ReliabilityConfig = parseReliabilityConfig({
  retry: AGENT_RETRY_POLICY,
  circuitBreaker: false,
});

/** HTTP API calls: the API policy and breaker, events on. */
export const API_RELIABILITY_PROFILE: ReliabilityConfig = parseReliabilityConfig({
  retry: API_RETRY_POLICY,
  circuitBreaker: API_CIRCUIT_BREAKER,
});

/** WebSocket operations: the websocket policy, no breaker; events off (they would travel the same socket). */
export const WEBSOCKET_RELIABILITY_PROFILE: ReliabilityConfig = parseReliabilityConfig({
  retry: WEBSOCKET_RETRY_POLICY,
  circuitBreaker: false,
  events: { enabled: false },
});

/** File operations: the file policy, no breaker, events on. */
export const FILE_RELIABILITY_PROFILE: ReliabilityConfig = parseReliabilityConfig({
  retry: FILE_RETRY_POLICY,
  circuitBreaker: false,
});

/** Every built-in profile by name (the names a config file's `"profile"` accepts). */
export const RELIABILITY_PROFILES: Readonly<Record<ProfileName, ReliabilityConfig>> = deepFreeze({
  default: DEFAULT_RELIABILITY_CONFIG,
  database: DATABASE_RELIABILITY_PROFILE,
  llm: LLM_RELIABILITY_PROFILE,
  agent: AGENT_RELIABILITY_PROFILE,
  api: API_RELIABILITY_PROFILE,
  websocket: WEBSOCKET_RELIABILITY_PROFILE,
  file: FILE_RELIABILITY_PROFILE,
});

function isProfileName(name: unknown): name is ProfileName {
  return typeof name === 'string' && (PROFILE_NAMES as readonly string[]).includes(name);
}

/** The built-in profile called `name`; throws a {@link RelConfigError} (with a suggestion) for an unknown name. */
export function getProfile(name: string): ReliabilityConfig {
  if (isProfileName(name)) return RELIABILITY_PROFILES[name];
  const suggestion = suggest(name, PROFILE_NAMES);
  throw new RelConfigError([
    {
      path: 'profile',
      received: name,
      expected: `one of ${PROFILE_NAMES.map((p) => JSON.stringify(p)).join(' | ')}`,
      ...(suggestion ? { suggestion } : {}),
    },
  ]);
}

/**
 * Builds a complete, frozen reliability profile: the built-in profile named by
 * `input.profile` (default `'default'`) with the rest of `input` layered over it.
 *
 * @example
 * ```ts
 * const openai = defineProfile({ profile: 'llm', retry: { maxAttempts: 5 }, events: { enabled: true } });
 * ```
 */
export function defineProfile(input: ReliabilityConfigInput = {}): ReliabilityConfig {
  // An unknown or mistyped profile name is reported by the schema together with any other problem.
  const name: unknown = typeof input === 'object' && input !== null ? input.profile : undefined;
  const base = isProfileName(name) ? RELIABILITY_PROFILES[name] : DEFAULT_RELIABILITY_CONFIG;
  return parseReliabilityConfig(input, base);
}
