import { OUTCOME_KINDS, type OutcomeKind } from '@rel/config';

/** One bit per {@link OutcomeKind}, so "does this kind count as a failure?" is one `&`. */
const KIND_BITS: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(OUTCOME_KINDS.map((kind, i) => [kind, 1 << i])),
);

/**
 * The bit set of `kinds`, for {@link isInMask}.
 * @internal
 */
export function outcomeMask(kinds: readonly OutcomeKind[]): number {
  let mask = 0;
  for (const kind of kinds) mask |= KIND_BITS[kind] ?? 0;
  return mask;
}

/**
 * True when `kind` is in `mask`. A value that is not an {@link OutcomeKind} at all (a
 * buggy custom classifier) is in no mask, so it is ignored rather than counted.
 * @internal
 */
export function isInMask(mask: number, kind: OutcomeKind): boolean {
  return (mask & (KIND_BITS[kind] ?? 0)) !== 0;
}
