import {
  REL_ERROR_CODES,
  RelValidationError,
  type CircuitBreakerConfig,
  type Clock,
  type EventEmitter,
  type Random,
} from '@rel/config';
import type { CircuitRejection, CircuitStateChange } from './events.js';
import { openDuration } from './open-duration.js';
import { ProbeSlots } from './probe-slots.js';
import { parseCircuitSnapshot, type CircuitSnapshot } from './snapshot.js';
import {
  S_CLOSED,
  S_DISABLED,
  S_HALF_OPEN,
  S_ISOLATED,
  S_OPEN,
  STATE_NAMES,
  type CircuitState,
  type TransitionReason,
} from './state.js';
import { createStrategy } from './strategies/create-strategy.js';
import type { BreakerStrategy } from './strategies/strategy.js';
import { nextTokenBase } from './token.js';

const SNAPSHOT_STATES: Readonly<Record<CircuitSnapshot['state'], number>> = {
  closed: S_CLOSED,
  open: S_OPEN,
  half_open: S_HALF_OPEN,
  disabled: S_DISABLED,
};

/**
 * The breaker's state and its transitions. The admission protocol sits on top of it
 * (`CircuitGate`), the public API on top of that ({@link UnifiedCircuitBreaker}).
 *
 * Transitions are lazy: no timers. Whatever reads the state (an admission, `state`,
 * `retryAfterMs()`, `status()`) first applies the transitions that are due by the clock:
 * open -> half_open once `openUntil` has passed, and the end of a half-open probe lease.
 * @internal
 */
export abstract class CircuitMachine {
  /** Breaker name (used in errors, events, the registry and the store). */
  readonly name: string;
  /** The validated, frozen configuration. */
  readonly config: CircuitBreakerConfig;
  protected readonly clock: Clock;
  protected readonly random: Random;
  protected readonly strategy: BreakerStrategy;
  private readonly timeoutCounts: boolean;
  /** Underlying state code (never S_ISOLATED). */
  protected st = S_CLOSED;
  /** Visible state code: S_ISOLATED while isolation handles are live, else `st`. */
  protected vis = S_CLOSED;
  /** `epoch * SLOT_SPACE`: the token of a call admitted now while closed (see token.ts). */
  protected tokenBase = 0;
  protected isolations = 0;
  protected openUntil = 0;
  protected openings = 0;
  protected probes: ProbeSlots | undefined;
  protected totalCalls = 0;
  protected successfulCalls = 0;
  protected failedCalls = 0;
  protected ignoredCalls = 0;
  protected slowCalls = 0;
  protected rejectedCalls = 0;
  protected opens = 0;
  // Created on first subscription: a breaker nobody listens to carries no emitters.
  protected stateEmitter: EventEmitter<CircuitStateChange> | undefined;
  protected rejectEmitter: EventEmitter<CircuitRejection> | undefined;

  protected constructor(name: string, config: CircuitBreakerConfig, clock: Clock, random: Random) {
    this.name = name;
    this.config = config;
    this.clock = clock;
    this.random = random;
    this.strategy = createStrategy(config);
    this.timeoutCounts = config.failureKinds.includes('timeout');
  }

  /** Current state, after any transition that is due. */
  get state(): CircuitState {
    this.refresh();
    return STATE_NAMES[this.vis]!;
  }

  /** True when a transition may fall due by the clock alone (open, or probes running). */
  protected get ticking(): boolean {
    return this.st === S_OPEN || (this.st === S_HALF_OPEN && this.probes!.inFlight > 0);
  }

  /** {@link CircuitMachine.refreshAt} now; reads the clock only when something can be due. */
  protected refresh(): void {
    if (this.ticking) this.refreshAt(this.clock.now());
  }

  /**
   * Applies the transitions that are due at `now`. Each takes effect at the moment it fell
   * due (the lease end, the end of the open time), not when it is noticed, so the breaker
   * behaves exactly as if it had timers: a lease that ended long ago re-opens the breaker
   * from that moment, and that open time may already be over too.
   */
  protected refreshAt(now: number): void {
    if (this.st === S_HALF_OPEN && this.probes!.inFlight > 0) this.expireLeases(now);
    if (this.st === S_OPEN && now >= this.openUntil) this.toHalfOpen(this.openUntil);
  }

  protected toOpen(reason: TransitionReason, now: number): void {
    this.openings++;
    const duration = openDuration(this.config, this.openings, this.random);
    this.openUntil = now + duration;
    this.opens++;
    this.setState(S_OPEN, reason, now, duration);
  }

  protected toHalfOpen(now: number): void {
    this.setState(S_HALF_OPEN, 'open_elapsed', now);
  }

  protected toClosed(reason: TransitionReason, now: number): void {
    this.strategy.reset();
    this.openings = 0;
    this.setState(S_CLOSED, reason, now);
  }

  /** Frees probe slots whose lease has ended; a lease that ended is a `timeout`. */
  protected expireLeases(now: number): void {
    const probes = this.probes!;
    const leaseEnd = probes.earliest;
    if (now < leaseEnd) return;
    const expired = probes.expire(now);
    // It re-opens the breaker (from the lease end) when timeouts count, the default;
    // otherwise the slot only goes to the next caller.
    if (expired > 0 && this.timeoutCounts) this.toOpen('probe_lease_expired', leaseEnd);
  }

  /**
   * Moves the underlying state to `code` and starts a new epoch (so reports of calls
   * admitted before are stale). Emits when the visible state changed.
   */
  protected setState(code: number, reason: TransitionReason, now: number, retryAfterMs?: number): void {
    const from = this.vis;
    this.st = code;
    this.tokenBase = nextTokenBase(this.tokenBase);
    if (code === S_HALF_OPEN) (this.probes ??= new ProbeSlots(this.config.halfOpenMaxProbes)).clear();
    else this.probes?.clear();
    this.vis = this.isolations > 0 ? S_ISOLATED : code;
    if (from !== this.vis) this.emitChange(from, reason, now, retryAfterMs);
    this.stateChanged();
  }

  protected emitChange(from: number, reason: TransitionReason, at: number, retryAfterMs?: number): void {
    if (this.stateEmitter === undefined || this.stateEmitter.size === 0) return;
    const to = STATE_NAMES[this.vis]!;
    this.stateEmitter.emit({
      name: this.name,
      from: STATE_NAMES[from]!,
      to,
      reason,
      ...(retryAfterMs !== undefined && (to === 'open' || to === 'isolated') ? { retryAfterMs } : {}),
      at,
    });
  }

  /** Hook: the underlying state changed (the public class saves a snapshot here). */
  protected abstract stateChanged(): void;

  /** The state as a snapshot taken at `now` (no transition is applied). */
  protected snapshotAt(now: number): CircuitSnapshot {
    return {
      version: 1,
      name: this.name,
      state: STATE_NAMES[this.st] as CircuitSnapshot['state'],
      ...(this.st === S_OPEN ? { openUntil: this.openUntil } : {}),
      openings: this.openings,
      strategy: this.strategy.snapshot(now),
      counters: {
        totalCalls: this.totalCalls,
        successfulCalls: this.successfulCalls,
        failedCalls: this.failedCalls,
        ignoredCalls: this.ignoredCalls,
        slowCalls: this.slowCalls,
        rejectedCalls: this.rejectedCalls,
        opens: this.opens,
      },
      savedAt: now,
    };
  }

  /** Validates `input` and replaces the state with it; on any problem nothing changes. */
  protected applySnapshot(input: unknown): void {
    const snapshot = parseCircuitSnapshot(input);
    const refuse = (path: string, received: unknown, expected: string): never => {
      throw new RelValidationError(REL_ERROR_CODES.SNAPSHOT_INVALID, 'circuit breaker snapshot', [
        { path, received, expected },
      ]);
    };
    if (snapshot.name !== this.name) refuse('name', snapshot.name, `"${this.name}" (this breaker's name)`);
    const now = this.clock.now();
    const problem = this.strategy.restore(snapshot.strategy, now);
    if (problem !== undefined)
      refuse('strategy', snapshot.strategy.kind, `a snapshot of this strategy: ${problem}`);
    const c = snapshot.counters;
    this.totalCalls = c.totalCalls;
    this.successfulCalls = c.successfulCalls;
    this.failedCalls = c.failedCalls;
    this.ignoredCalls = c.ignoredCalls;
    this.slowCalls = c.slowCalls;
    this.rejectedCalls = c.rejectedCalls;
    this.opens = c.opens;
    this.openings = snapshot.openings;
    this.openUntil = snapshot.openUntil ?? 0;
    const code = SNAPSHOT_STATES[snapshot.state];
    this.setState(code, 'restored', now, code === S_OPEN ? Math.max(0, this.openUntil - now) : undefined);
  }
}
