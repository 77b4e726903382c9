import { DEPRECATIONS, type Deprecation } from '@rel/compat';

/** The legacy names the codemod rewrites (the must-have names of the migration). */
export const CONVERTED_NAMES = [
  'RetryManager',
  'BackoffStrategy',
  'ReliabilityRetryConfig',
  'RetryHandler',
  'RetryStrategy',
  'APISpecificRetryStrategy',
  'withEnhancedRetry',
  'CircuitBreakerRetryStrategy',
  'FAST_LLM_RETRY',
  'STANDARD_LLM_RETRY',
  'SLOW_LLM_RETRY',
  'OPENAI_RETRY',
  'ANTHROPIC_RETRY',
] as const;

/** One of {@link CONVERTED_NAMES}. */
export type ConvertedName = (typeof CONVERTED_NAMES)[number];

/** The five `RetryStrategy` presets of the legacy `llm/enhanced_retry` module. */
export const PRESET_NAMES = [
  'FAST_LLM_RETRY',
  'STANDARD_LLM_RETRY',
  'SLOW_LLM_RETRY',
  'OPENAI_RETRY',
  'ANTHROPIC_RETRY',
] as const;

/** One of {@link PRESET_NAMES}. */
export type PresetName = (typeof PRESET_NAMES)[number];

// Which entry point serves each converted name. At the package root every one of them has
// its legacy name; `RetryStrategy` of other subpaths (the unified handler's and the service
// mesh's enums) is a different thing and is not converted.
const SUBPATH_OF: Readonly<Record<ConvertedName, string>> = {
  RetryManager: 'retry-manager',
  BackoffStrategy: 'retry-manager',
  ReliabilityRetryConfig: 'reliability-retry',
  RetryHandler: 'reliability-retry',
  RetryStrategy: 'enhanced-retry',
  APISpecificRetryStrategy: 'enhanced-retry',
  withEnhancedRetry: 'enhanced-retry',
  CircuitBreakerRetryStrategy: 'enhanced-retry',
  FAST_LLM_RETRY: 'enhanced-retry',
  STANDARD_LLM_RETRY: 'enhanced-retry',
  SLOW_LLM_RETRY: 'enhanced-retry',
  OPENAI_RETRY: 'enhanced-retry',
  ANTHROPIC_RETRY: 'enhanced-retry',
};

// Names the package root gives to legacy names that clash with canonical ones (or with
// another legacy module's name). Exported for the test that keeps it in step with the root.
export const ROOT_ALIASES: Readonly<Record<string, keyof typeof DEPRECATIONS>> = {
  LegacyUnifiedRetryHandler: 'REL_DEP016',
  UnifiedRetryStrategy: 'REL_DEP017',
  UnifiedRetryConfig: 'REL_DEP018',
  UnifiedRetryResult: 'REL_DEP019',
  LEGACY_DATABASE_RETRY_POLICY: 'REL_DEP020',
  LEGACY_LLM_RETRY_POLICY: 'REL_DEP021',
  LEGACY_AGENT_RETRY_POLICY: 'REL_DEP022',
  LEGACY_API_RETRY_POLICY: 'REL_DEP023',
  LEGACY_WEBSOCKET_RETRY_POLICY: 'REL_DEP024',
  LEGACY_FILE_RETRY_POLICY: 'REL_DEP025',
  LegacyReliabilityManager: 'REL_DEP030',
  LegacyAgentReliabilityWrapper: 'REL_DEP032',
  ServiceMeshRetryStrategy: 'REL_DEP047',
  StrategyRetryManager: 'REL_DEP056',
  strategyRetryManager: 'REL_DEP057',
  EraAOperationType: 'REL_DEP060',
  EraARecoveryContext: 'REL_DEP062',
  ResilienceRetryConfig: 'REL_DEP064',
  ResilienceBackoffStrategy: 'REL_DEP065',
  ResilienceJitterType: 'REL_DEP066',
};

/** True for `@rel/compat` and its subpaths (`@rel/compat/retry-manager`, ...). */
export function isCompatModule(specifier: string): boolean {
  return specifier === '@rel/compat' || specifier.startsWith('@rel/compat/');
}

/** The subpath of a compat module specifier (`undefined` for the root). */
export function subpathOf(specifier: string): string | undefined {
  return specifier === '@rel/compat' ? undefined : specifier.slice('@rel/compat/'.length);
}

/**
 * The converted legacy name an import of `exported` from `specifier` brings in, or
 * `undefined` when the codemod does not convert it (another legacy name, a type, the
 * migration tooling).
 *
 * @example
 * ```ts
 * convertedName('@rel/compat/retry-manager', 'RetryManager'); // 'RetryManager'
 * convertedName('@rel/compat/unified-retry-handler', 'RetryStrategy'); // undefined (the enum)
 * ```
 */
export function convertedName(specifier: string, exported: string): ConvertedName | undefined {
  const name = (CONVERTED_NAMES as readonly string[]).includes(exported)
    ? (exported as ConvertedName)
    : undefined;
  if (name === undefined) return undefined;
  const subpath = subpathOf(specifier);
  return subpath === undefined || subpath === SUBPATH_OF[name] ? name : undefined;
}

/** The registry entry of a legacy export, for the replacement text of a TODO. */
export function deprecationOf(specifier: string, exported: string): Deprecation | undefined {
  const subpath = subpathOf(specifier);
  if (subpath === undefined && ROOT_ALIASES[exported] !== undefined) {
    return DEPRECATIONS[ROOT_ALIASES[exported]];
  }
  const candidates = Object.values(DEPRECATIONS).filter(
    (d) => d.name.split(' ')[0] === exported && (subpath === undefined || d.module === subpath),
  );
  return candidates[0];
}

/**
 * The TODO text for a legacy name the codemod leaves alone.
 *
 * @example
 * ```ts
 * unconvertedReason('@rel/compat/async-retry-logic', 'withRetry');
 * // 'withRetry (@rel/compat/async-retry-logic) is not converted by the codemod; use ReliabilityInstance#execute ...'
 * ```
 */
export function unconvertedReason(specifier: string, exported: string): string {
  const d = deprecationOf(specifier, exported);
  const what = `${exported} (${specifier}) is not converted by the codemod`;
  return d === undefined
    ? `${what}; see the @rel/compat README for its canonical counterpart`
    : `${what}; use ${d.replacement} (${d.code})`;
}
