/**
 * One step of a legacy-to-canonical conversion, so a migration can be checked field by
 * field. JSON-friendly (functions are described, never included).
 *
 * - `mapped`: a legacy field set a canonical one (with unit or count conversion);
 * - `env`: a legacy `RETRY_*` variable set it (over the given value);
 * - `defaulted`: not given; the legacy API's default was used;
 * - `adjusted`: given, but changed to keep the legacy behaviour valid canonically;
 * - `ignored`: given, but it has no effect (and why).
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export interface ConversionNote {
  readonly action: 'mapped' | 'env' | 'defaulted' | 'adjusted' | 'ignored';
  /** The legacy key as written (`max_retries`), the variable (`RETRY_MAX_ATTEMPTS`), or `default`. */
  readonly legacy: string;
  /** The canonical field it set (`maxAttempts`, `circuitBreaker.openMs`), when any. */
  readonly canonical?: string;
  /** The canonical value it got (ms for times), when any. */
  readonly value?: unknown;
  /** What happened, in words: "2 retries -> 3 attempts", "0.5 s -> 500 ms". */
  readonly detail: string;
}

/**
 * Renders notes one per line, for logs and migration reviews.
 * @deprecated Migration tooling of `@rel/compat`, removed with it in 2.0.0; nothing replaces it once `getMigrationStatus().migrationComplete` is true.
 */
export function formatConversionNotes(notes: readonly ConversionNote[]): string {
  return notes
    .map((n) => {
      const target = n.canonical === undefined ? '' : ` -> ${n.canonical} = ${JSON.stringify(n.value)}`;
      return `${n.action.padEnd(9)} ${n.legacy}${target}: ${n.detail}`;
    })
    .join('\n');
}
