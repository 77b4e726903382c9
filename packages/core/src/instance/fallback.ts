import type { FailureKind, ReliabilityConfig } from '@rel/config';
import type { Fallback, FallbackInput } from './call-options.js';

/** The outcome of trying a fallback. @internal */
export type FallbackOutcome<T> =
  | { readonly kind: 'none' }
  | { readonly kind: 'answered'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: unknown };

const NONE = { kind: 'none' } as const;

/**
 * The fallback rules of one instance: which failures a fallback may answer (the
 * profile's `fallback.onKinds`; never `cancelled`), and the profile's own fallback (its
 * `value`, used when `enabled` and no per-call fallback is given). @internal
 */
export class FallbackPolicy {
  private readonly kinds: ReadonlySet<string>;
  private readonly profile: { readonly value: Fallback<unknown> } | undefined;
  /** Fallback answers by reason, for `status()` and metrics. */
  readonly used = new Map<FailureKind, number>();
  /** Fallbacks that threw. */
  failures = 0;

  constructor(config: ReliabilityConfig['fallback']) {
    // The schema already excludes `cancelled`; a caller's decision is never answered.
    this.kinds = new Set<string>(config.onKinds);
    this.profile = config.enabled && config.value !== undefined ? { value: config.value } : undefined;
  }

  /** True when the profile answers failures on its own (calls then take the full pipeline path). */
  get hasProfileFallback(): boolean {
    return this.profile !== undefined;
  }

  /**
   * Answers `failure` with the call's fallback, else the profile's, when its kind allows
   * one. A fallback function may throw or reject: that is reported, never thrown.
   */
  async apply<T>(perCall: Fallback<T> | undefined, failure: FallbackInput): Promise<FallbackOutcome<T>> {
    if (failure.outcome === 'cancelled' || !this.kinds.has(failure.outcome)) return NONE;
    const fallback = (perCall !== undefined ? perCall : this.profile?.value) as Fallback<T> | undefined;
    if (fallback === undefined) return NONE;
    try {
      const value =
        typeof fallback === 'function'
          ? await (fallback as (input: FallbackInput) => T | PromiseLike<T>)(failure)
          : fallback;
      this.used.set(failure.outcome, (this.used.get(failure.outcome) ?? 0) + 1);
      return { kind: 'answered', value };
    } catch (error) {
      this.failures++;
      return { kind: 'failed', error };
    }
  }
}
