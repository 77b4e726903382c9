/** The label value that every value past a limiter's cap collapses into. */
export const OVERFLOW_LABEL = 'other';

/**
 * Bounds the cardinality of one label: the first `max` distinct values pass through,
 * every later one becomes {@link OVERFLOW_LABEL}. Each Prometheus series costs memory in
 * the process and in the Prometheus server, so a caller that puts request ids or user
 * input in a service name must not be able to create unbounded series.
 *
 * Memory is bounded too: only admitted values are remembered.
 *
 * @example
 * ```ts
 * const services = new LabelLimiter(2);
 * services.admit('openai'); // 'openai'
 * services.admit('db');     // 'db'
 * services.admit('redis');  // 'other'
 * services.admit('openai'); // 'openai'
 * ```
 */
export class LabelLimiter {
  /** Most distinct values kept. */
  readonly max: number;
  private readonly admitted = new Set<string>();
  private overflowed = 0;

  constructor(max: number) {
    this.max = max;
  }

  /** `value` if it is (or can still be) admitted, else {@link OVERFLOW_LABEL}. */
  admit(value: string): string {
    if (this.admitted.has(value)) return value;
    if (this.admitted.size < this.max) {
      this.admitted.add(value);
      return value;
    }
    this.overflowed++;
    return OVERFLOW_LABEL;
  }

  /** Distinct values admitted so far. */
  get size(): number {
    return this.admitted.size;
  }

  /** How many times a value was collapsed into {@link OVERFLOW_LABEL}. */
  get overflows(): number {
    return this.overflowed;
  }
}
