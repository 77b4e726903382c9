import { ReliabilityManager } from './reliability-manager.js';

// On globalThis under a registered symbol, so two copies of @rel/core in one process
// (duplicate installs) still share one default manager.
const KEY = Symbol.for('@rel/core/default-manager');
const holder = globalThis as { [KEY]?: ReliabilityManager };

/**
 * The process-wide manager, created on first use with the defaults. `@rel/compat` routes
 * every legacy call through it, so legacy call sites show up in the same health, metrics
 * and events as new code; give it sinks, metrics and a logger with `setDefaultManager`.
 *
 * @example
 * ```ts
 * setDefaultManager(new ReliabilityManager({ logger, sinks: [wsServer], metrics }));
 * getDefaultManager().get('openai', LLM_RELIABILITY_PROFILE);
 * ```
 */
export function getDefaultManager(): ReliabilityManager {
  return (holder[KEY] ??= new ReliabilityManager());
}

/**
 * Replaces the process-wide manager (`undefined`: the next `getDefaultManager()` creates a
 * fresh one). Returns the previous one, which keeps working for whoever holds it; close it
 * yourself if nothing does.
 */
export function setDefaultManager(manager: ReliabilityManager | undefined): ReliabilityManager | undefined {
  const previous = holder[KEY];
  if (manager === undefined) delete holder[KEY];
  else holder[KEY] = manager;
  return previous;
}
