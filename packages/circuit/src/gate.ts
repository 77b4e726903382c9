import type { CircuitBreakerConfig, OutcomeKind } from '@rel/config';
import type { AttemptGate } from '@rel/retry';
import { CircuitMachine } from './machine.js';
import type { ResolvedOptions } from './options.js';
import { isInMask, outcomeMask } from './outcome-mask.js';
import { S_CLOSED, S_DISABLED, S_HALF_OPEN, S_ISOLATED, S_OPEN, STATE_NAMES } from './state.js';
import { SLOT_SPACE } from './token.js';

/**
 * The admission protocol: the retry engine's `AttemptGate` (`tryAcquire`, `release`,
 * `retryAfterMs`, `state`), allocation-free on every path. `execute()` and `tryExecute()`
 * of {@link UnifiedCircuitBreaker} are built on it.
 * @internal
 */
export abstract class CircuitGate extends CircuitMachine implements AttemptGate {
  private readonly failureMask: number;
  private readonly probeLeaseMs: number;

  protected constructor(name: string, config: CircuitBreakerConfig, options: ResolvedOptions) {
    super(name, config, options.clock, options.random);
    this.failureMask = outcomeMask(config.failureKinds);
    this.probeLeaseMs = options.probeLeaseMs;
  }

  /**
   * Admits one call: a token >= 0 to pass to {@link CircuitGate.release}, or -1 when the
   * breaker refuses it (then {@link CircuitGate.retryAfterMs} says for how long). Never
   * throws and never allocates; a closed breaker answers with one comparison.
   *
   * @example
   * ```ts
   * const token = breaker.tryAcquire();
   * if (token < 0) return busy(breaker.retryAfterMs());
   * const started = performance.now();
   * try { const v = await op(); breaker.release(token, 'success', performance.now() - started); return v; }
   * catch (e) { breaker.release(token, classify(e).kind, performance.now() - started); throw e; }
   * ```
   */
  tryAcquire(): number {
    if (this.vis === S_CLOSED || this.vis === S_DISABLED) return this.tokenBase;
    return this.admitSlow();
  }

  /**
   * Reports how an admitted call went, exactly once per token. Kinds in `failureKinds`
   * count against the breaker, `success` for it; any other kind (cancelled, permanent by
   * default) only frees a probe slot. A report for a call admitted before the breaker last
   * changed state is counted in the statistics but decides nothing. Never throws.
   */
  release(token: number, kind: OutcomeKind, durationMs: number): void {
    if (!(token >= 0)) return;
    this.totalCalls++;
    const slow = durationMs > this.config.slowCallMs;
    if (slow) this.slowCalls++;
    const failed = kind !== 'success' && isInMask(this.failureMask, kind);
    if (kind === 'success') this.successfulCalls++;
    else if (failed) this.failedCalls++;
    else this.ignoredCalls++;

    if (token === this.tokenBase) {
      if (this.st !== S_CLOSED || (kind !== 'success' && !failed)) return;
      const timed = this.strategy.timed;
      const now = timed ? this.clock.now() : 0;
      const trip = failed ? this.strategy.failure(now, durationMs) : this.strategy.success(now, durationMs);
      if (trip !== undefined) this.toOpen(trip, timed ? now : this.clock.now());
      return;
    }
    const probe = token - this.tokenBase;
    if (this.st === S_HALF_OPEN && probe > 0 && probe < SLOT_SPACE)
      this.probeReport(probe, kind, failed, slow);
  }

  /**
   * Ms until the breaker may admit a call: 0 when it admits now; the rest of the open time
   * when open; when half-open with every probe slot taken, the earliest probe lease end
   * (the latest moment a slot frees); `Infinity` while isolated.
   */
  retryAfterMs(): number {
    if (this.vis === S_ISOLATED) return Infinity;
    // Closed, disabled, or half-open with every slot free: it admits now.
    if (!this.ticking) return 0;
    const now = this.clock.now();
    this.refreshAt(now);
    switch (this.vis) {
      case S_OPEN:
        return Math.max(0, this.openUntil - now);
      case S_HALF_OPEN: {
        const probes = this.probes!;
        return probes.inFlight < probes.size ? 0 : Math.max(0, probes.earliest - now);
      }
      default:
        return 0;
    }
  }

  /** Counts a refusal (and tells `onReject` listeners); returns -1. */
  private refuse(): number {
    this.rejectedCalls++;
    if (this.rejectEmitter !== undefined && this.rejectEmitter.size > 0) {
      this.rejectEmitter.emit({
        name: this.name,
        state: STATE_NAMES[this.vis]!,
        retryAfterMs: this.retryAfterMs(),
      });
    }
    return -1;
  }

  private admitSlow(): number {
    if (this.vis === S_ISOLATED) return this.refuse();
    const now = this.clock.now();
    this.refreshAt(now);
    if (this.vis !== S_HALF_OPEN) return this.refuse();
    const probes = this.probes!;
    // 2^20 probes without a verdict (only possible when outcomes are ignored): start a
    // fresh half-open period rather than ever refusing for good.
    if (probes.exhausted) this.toHalfOpen(now);
    const probe = probes.acquire(now + this.probeLeaseMs);
    return probe === 0 ? this.refuse() : this.tokenBase + probe;
  }

  private probeReport(probe: number, kind: OutcomeKind, failed: boolean, slow: boolean): void {
    const now = this.clock.now();
    // A report at or after the end of its lease comes too late: the lease already decided.
    this.expireLeases(now);
    if (this.st !== S_HALF_OPEN) return;
    const probes = this.probes!;
    if (!probes.release(probe)) return;
    if (failed) {
      this.toOpen('probe_failed', now);
    } else if (kind === 'success') {
      if (slow && this.strategy.kind === 'slow_call') this.toOpen('probe_slow', now);
      else if (++probes.successes >= this.config.successThreshold) this.toClosed('probes_succeeded', now);
    }
  }
}
