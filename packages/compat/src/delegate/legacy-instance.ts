import { getDefaultManager, type ReliabilityInstance, type ReliabilityManager } from '@rel/core';
import {
  isRelError,
  parseReliabilityConfig,
  REL_ERROR_CODES,
  type CircuitBreakerConfig,
  type ReliabilityConfig,
  type RetryConfig,
} from '@rel/config';
import { signatureOf } from './signature.js';

/** What a legacy object runs on: a canonical profile under a service name. */
export interface LegacyProfile {
  /** The instance (service) name the calls are recorded under. */
  readonly service: string;
  /** The complete, frozen canonical profile. */
  readonly profile: ReliabilityConfig;
  /** Identifies the legacy settings the profile was built from. */
  readonly signature: string;
}

// One profile per (service, legacy settings): two legacy objects with the same settings
// share one profile object, and so one reliability instance (the manager compares the
// custom backoff and matcher functions of profiles by identity).
const profiles = new Map<string, LegacyProfile>();

/**
 * The canonical profile of a legacy configuration, built once per distinct `parts`
 * (numbers, names, and the identity of any function or class given by the caller).
 *
 * @param service - the service name (":" is not allowed in instance names; it becomes "_").
 * @param parts - everything the profile depends on (the signature).
 * @param build - builds the retry config and the breaker config, called on a cache miss.
 * @internal
 */
export function legacyProfile(
  service: string,
  parts: readonly unknown[],
  build: () => { readonly config: RetryConfig; readonly circuitBreaker: CircuitBreakerConfig | false },
): LegacyProfile {
  const name = service.replaceAll(':', '_');
  const signature = signatureOf([name, ...parts]);
  let found = profiles.get(signature);
  if (found === undefined) {
    const { config, circuitBreaker } = build();
    found = { service: name, profile: parseReliabilityConfig({ retry: config, circuitBreaker }), signature };
    profiles.set(signature, found);
  }
  return found;
}

// Which instance each profile landed on, per manager (a replaced default manager starts afresh).
const instances = new WeakMap<ReliabilityManager, Map<LegacyProfile, ReliabilityInstance>>();

/** Short, stable suffix for a second configuration under one service name. */
function suffix(signature: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < signature.length; i++) h = Math.imul(h ^ signature.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * The reliability instance of the process default manager (`getDefaultManager()` of
 * `@rel/core`) that runs a legacy profile: `service` itself, or, when `service` already
 * exists there with another configuration, `service~<hash of the legacy settings>`. So
 * legacy calls show up in the manager's health, metrics and retry events like any other.
 * @internal
 */
export function legacyInstance(p: LegacyProfile): ReliabilityInstance {
  const manager = getDefaultManager();
  let byProfile = instances.get(manager);
  if (byProfile === undefined) {
    byProfile = new Map();
    instances.set(manager, byProfile);
  }
  let instance = byProfile.get(p);
  if (instance === undefined) {
    try {
      instance = manager.get(p.service, p.profile);
    } catch (error) {
      if (!isRelError(error, REL_ERROR_CODES.REGISTRY_CONFLICT)) throw error;
      instance = manager.get(`${p.service}~${suffix(p.signature)}`, p.profile);
    }
    byProfile.set(p, instance);
  }
  return instance;
}

/** The clock of the process default manager: legacy durations and timestamps use it. @internal */
export function legacyClock(): ReliabilityManager['clock'] {
  return getDefaultManager().clock;
}
