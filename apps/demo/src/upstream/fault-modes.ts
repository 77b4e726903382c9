import { RelConfigError, toValidationIssues } from '@rel/config';
import { z } from 'zod';

/** The upstream's fault modes: one per scenario phase, and one button each on the page. */
export const FAULT_MODES = ['healthy', 'latency', 'errors', 'rate_limited', 'outage', 'recovery'] as const;
/** One of {@link FAULT_MODES}. */
export type FaultMode = (typeof FAULT_MODES)[number];

/**
 * How an outage fails requests: `status` answers 503, `reset` destroys the socket (the
 * client sees `ECONNRESET` / `UND_ERR_SOCKET`), `mixed` answers 503 on the LLM route and
 * drops the tool API's connections.
 */
export const OUTAGE_STYLES = ['status', 'reset', 'mixed'] as const;
/** One of {@link OUTAGE_STYLES}. */
export type OutageStyle = (typeof OUTAGE_STYLES)[number];

/** What the upstream does to every request while a mode is on. Rates are in [0, 1]. */
export interface FaultSpec {
  readonly mode: FaultMode;
  /** Latency added to every answer (ms), on top of the simulated generation time. */
  readonly latencyMs: number;
  /** Share of requests answered with a 500 or a 503 (half each). */
  readonly errorRate: number;
  /** Share of requests answered with a 429 carrying `Retry-After`. */
  readonly rateLimitRate: number;
  /** `Retry-After` of a 429, in seconds (the header's unit). */
  readonly retryAfterS: number;
  /** How `outage` fails requests. */
  readonly outage: OutageStyle;
}

const HEALTHY: Omit<FaultSpec, 'mode'> = {
  latencyMs: 0,
  errorRate: 0,
  rateLimitRate: 0,
  retryAfterS: 1,
  outage: 'mixed',
};

/**
 * Each mode's settings when nothing else is given: `latency` adds 800 ms, `errors` fails
 * 30 % with 500/503, `rate_limited` answers 35 % with 429 `Retry-After: 1`, `outage` fails
 * everything (LLM 503, tool API connection resets), `recovery` is healthy again.
 */
export const FAULT_PRESETS: Readonly<Record<FaultMode, FaultSpec>> = Object.freeze({
  healthy: { mode: 'healthy', ...HEALTHY },
  latency: { mode: 'latency', ...HEALTHY, latencyMs: 800 },
  errors: { mode: 'errors', ...HEALTHY, errorRate: 0.3 },
  rate_limited: { mode: 'rate_limited', ...HEALTHY, rateLimitRate: 0.35 },
  outage: { mode: 'outage', ...HEALTHY },
  recovery: { mode: 'recovery', ...HEALTHY },
});

/** A fault as `POST /api/fault` and the scenario phases give it: a mode and optional overrides. */
export const FaultInputSchema = z.strictObject({
  mode: z.enum(FAULT_MODES),
  latencyMs: z.int().min(0).max(30_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  rateLimitRate: z.number().min(0).max(1).optional(),
  retryAfterS: z.int().min(0).max(120).optional(),
  outage: z.enum(OUTAGE_STYLES).optional(),
});
/** Input of {@link resolveFault}. */
export type FaultInput = z.input<typeof FaultInputSchema>;

/**
 * The complete fault of `input`: the mode's preset with the given fields over it.
 *
 * @throws `RelConfigError` naming every bad field, the value and what is allowed (an
 *   unknown mode lists the modes).
 * @example
 * ```ts
 * resolveFault({ mode: 'errors', latencyMs: 600, errorRate: 0.2 });
 * ```
 */
export function resolveFault(input: unknown): FaultSpec {
  const parsed = FaultInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new RelConfigError(
      toValidationIssues(FaultInputSchema, input, parsed.error.issues),
      'upstream fault',
    );
  }
  const { mode, ...overrides } = parsed.data;
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return Object.freeze({ ...FAULT_PRESETS[mode], ...given });
}

const percent = (rate: number): string => `${Math.round(rate * 100)}%`;

/**
 * One line saying what the upstream does now.
 *
 * @example
 * ```ts
 * describeFault(resolveFault({ mode: 'rate_limited' })); // 'rate_limited: 35% answered 429 (Retry-After: 1 s)'
 * ```
 */
export function describeFault(spec: FaultSpec): string {
  if (spec.mode === 'outage') {
    const how = {
      status: 'every request answered 503',
      reset: 'every connection dropped',
      mixed: 'the LLM answers 503, the tool API drops connections',
    }[spec.outage];
    return `outage: ${how}`;
  }
  const parts: string[] = [];
  if (spec.latencyMs > 0) parts.push(`+${spec.latencyMs} ms latency`);
  if (spec.errorRate > 0) parts.push(`${percent(spec.errorRate)} answered 500/503`);
  if (spec.rateLimitRate > 0)
    parts.push(`${percent(spec.rateLimitRate)} answered 429 (Retry-After: ${spec.retryAfterS} s)`);
  return `${spec.mode}: ${parts.length === 0 ? 'every request answered normally' : parts.join(', ')}`;
}
