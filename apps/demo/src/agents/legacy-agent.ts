// The one place in the demo written against the legacy names (@rel/compat), as an old
// service would be: the legacy module path, snake_case configuration in seconds, and the
// positional executeSafely(operation, name, fallback, timeoutSeconds). Its calls run on the
// process default manager, which the demo service makes its own manager, so they show up
// in the canonical /health, /metrics and budgets next to the new code.
import { formatMigrationSummary, getMigrationStatus, type MigrationStatus } from '@rel/compat';
import {
  getReliabilityWrapper,
  getSystemHealth,
  type AgentReliabilityWrapper,
  type LegacySystemHealth,
} from '@rel/compat/agent-reliability';
import { sleep, type Clock, type Random } from '@rel/config';
import type { CallCounters } from '../service/call-counters.js';
import type { UpstreamClient } from '../service/upstream-client.js';
import { pick, randomInt } from '../shared/seeded-random.js';
import { LEGACY_TEXTS } from './topics.js';

/** The legacy agent's name, which is also its reliability instance's name. */
export const LEGACY_AGENT_NAME = 'legacy-summarizer';

/** The legacy fallback: what the old code returned when the summarizer was down. */
export const LEGACY_FALLBACK_SUMMARY = 'Summary unavailable right now.';

/** What the legacy agent works with. */
export interface LegacyAgentDeps {
  readonly client: UpstreamClient;
  readonly counters: CallCounters;
  readonly clock: Clock;
  readonly random: Random;
}

/**
 * Gets the legacy summarizer from the legacy factory (`get_reliability_wrapper`) with its
 * legacy settings (breaker: 5 failures, 2 s recovery; retries: 2 after the first, 0.2 s
 * base, 1 s cap; all in seconds) and touches its instance so that it exists in the
 * manager before the first call.
 * @returns the wrapper and the instance (service) name its calls are recorded under.
 */
export function createLegacyAgent(): { readonly wrapper: AgentReliabilityWrapper; readonly service: string } {
  const wrapper = getReliabilityWrapper(
    LEGACY_AGENT_NAME,
    { failure_threshold: 5, recovery_timeout: 2 },
    { max_retries: 2, base_delay: 0.2, max_delay: 1 },
  );
  return { wrapper, service: wrapper.instance.name };
}

/**
 * The legacy agent's loop: summarises a text through the LLM with the legacy
 * `executeSafely` (fallback function, 5 s timeout) until `stop` aborts.
 * @returns how many summaries came from the LLM and how many from the fallback.
 */
export async function legacyWorker(
  deps: LegacyAgentDeps,
  legacy: { readonly wrapper: AgentReliabilityWrapper; readonly service: string },
  stop: AbortSignal,
): Promise<{ summaries: number; fallbacks: number }> {
  const tally = { summaries: 0, fallbacks: 0 };
  while (!stop.aborted) {
    const text = pick(deps.random, LEGACY_TEXTS);
    deps.counters.call(legacy.service);
    const summary = await legacy.wrapper.executeSafely(
      () => deps.client.chat(legacy.service, [{ role: 'user', content: `Summarize: ${text}` }]),
      'summarize',
      () => Promise.resolve(LEGACY_FALLBACK_SUMMARY),
      5,
    );
    if (summary === LEGACY_FALLBACK_SUMMARY) tally.fallbacks++;
    else tally.summaries++;
    await sleep(deps.clock, randomInt(deps.random, 400, 1_000), stop).catch(() => undefined);
  }
  return tally;
}

/** The legacy views of the same run: `getSystemHealth()` and the migration status. */
export interface LegacyReport {
  readonly health: LegacySystemHealth;
  readonly migration: MigrationStatus;
  /** The migration status as the compat layer words it. */
  readonly summary: string;
}

/** Reads the legacy health report and which legacy names this process used. */
export function legacyReport(): LegacyReport {
  const migration = getMigrationStatus();
  return { health: getSystemHealth(), migration, summary: formatMigrationSummary(migration) };
}
