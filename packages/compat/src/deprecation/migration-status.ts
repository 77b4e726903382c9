import { DEPRECATIONS, DEPRECATION_CODES, REMOVAL_VERSION } from './registry.js';
import { deprecationState } from './usage.js';

/**
 * How one legacy name was used in this process. JSON-friendly.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface LegacyNameUsage {
  /** `REL_DEP###`. */
  readonly code: string;
  /** The legacy name. */
  readonly name: string;
  /** The legacy module (and `@rel/compat/<module>` subpath). */
  readonly module: string;
  /** What to use instead. */
  readonly replacement: string;
  /** The version that removes it. */
  readonly removeIn: string;
  /** Uses (constructions and calls) in the counting period. */
  readonly uses: number;
  /** ISO time of the first use in the counting period. */
  readonly firstUsedAt: string;
  /** ISO time of the last use. */
  readonly lastUsedAt: string;
  /** Whether its deprecation warning has been emitted in this process. */
  readonly warned: boolean;
}

/**
 * The migration status of this process: which legacy names it used, and how often.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface MigrationStatus {
  /** ISO time of this report. */
  readonly generatedAt: string;
  /** The version that removes every legacy name. */
  readonly removalVersion: string;
  /** True when no legacy name was used: this process is ready for the removal. */
  readonly migrationComplete: boolean;
  /** How many distinct legacy names were used. */
  readonly legacyNamesUsed: number;
  /** Uses of all legacy names together. */
  readonly totalUses: number;
  /** One entry per legacy name used, in code order. */
  readonly names: readonly LegacyNameUsage[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Which legacy names this process used since it started (or since
 * `resetMigrationStatus()`), how often, when first and last, and what replaces each:
 * a plain JSON value, ready for a health endpoint.
 *
 * @example
 * ```ts
 * app.get('/migration', (_req, res) => res.json(getMigrationStatus()));
 * // { migrationComplete: false, legacyNamesUsed: 1, totalUses: 42,
 * //   names: [{ code: 'REL_DEP001', name: 'RetryManager', uses: 42, replacement: '...', ... }] }
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function getMigrationStatus(): MigrationStatus {
  const state = deprecationState();
  const names: LegacyNameUsage[] = [];
  let totalUses = 0;
  for (const code of DEPRECATION_CODES) {
    const record = state.usage.get(code);
    if (record === undefined) continue;
    const d = DEPRECATIONS[code];
    totalUses += record.uses;
    names.push({
      code,
      name: d.name,
      module: d.module,
      replacement: d.replacement,
      removeIn: d.removeIn,
      uses: record.uses,
      firstUsedAt: iso(record.firstUsedAt),
      lastUsedAt: iso(record.lastUsedAt),
      warned: state.emitted.has(code),
    });
  }
  return {
    generatedAt: iso(state.clock.now()),
    removalVersion: REMOVAL_VERSION,
    migrationComplete: names.length === 0,
    legacyNamesUsed: names.length,
    totalUses,
    names,
  };
}

/**
 * One line for a log (e.g. at shutdown): the legacy names used, most used first, with
 * their codes.
 *
 * @example
 * ```ts
 * formatMigrationSummary();
 * // "@rel/compat: 2 legacy names used 43 times before removal in 2.0.0: RetryManager x42 (REL_DEP001), withRetry x1 (REL_DEP027)"
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function formatMigrationSummary(status: MigrationStatus = getMigrationStatus()): string {
  if (status.migrationComplete) return '@rel/compat: no legacy names used; ready for removal';
  const parts = [...status.names]
    .sort((a, b) => b.uses - a.uses || a.code.localeCompare(b.code))
    .map((n) => `${n.name} x${n.uses} (${n.code})`);
  const names = status.legacyNamesUsed === 1 ? '1 legacy name' : `${status.legacyNamesUsed} legacy names`;
  const times = status.totalUses === 1 ? '1 time' : `${status.totalUses} times`;
  return `@rel/compat: ${names} used ${times} before removal in ${status.removalVersion}: ${parts.join(', ')}`;
}

/**
 * The part of a logger (pino's shape) that {@link logMigrationSummary} needs.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface MigrationLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/**
 * Logs the migration summary: `warn` with the status as structured fields while legacy
 * names are in use, `info` once there are none. Returns the status it logged.
 *
 * @example
 * ```ts
 * process.on('SIGTERM', () => { logMigrationSummary(logger); server.close(); });
 * ```
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function logMigrationSummary(logger: MigrationLogger): MigrationStatus {
  const status = getMigrationStatus();
  const line = formatMigrationSummary(status);
  if (status.migrationComplete) logger.info({ migration: status }, line);
  else logger.warn({ migration: status }, line);
  return status;
}
