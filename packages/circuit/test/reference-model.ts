// A deliberately naive reference model of the breaker, for the model-based test: plain
// arrays and full re-computation instead of rings, typed arrays, masks and token encoding.
// It restates the documented rules; it shares no code with the implementation.
import type { CircuitBreakerConfig, OutcomeKind } from '@rel/config';

type Underlying = 'closed' | 'open' | 'half_open' | 'disabled';

/** An admitted call the test holds on to: which period it belongs to, and its probe id if any. */
export interface HeldCall {
  readonly epoch: number;
  readonly probe: number;
}

interface Probe {
  readonly id: number;
  readonly leaseEnd: number;
}

interface Outcome {
  readonly at: number;
  readonly failed: boolean;
  readonly slow: boolean;
}

/** The reference breaker. Time is whatever the test says it is (`now`). */
export class ReferenceBreaker {
  now = 0;
  st: Underlying = 'closed';
  isolations = 0;
  epoch = 0;
  openUntil = 0;
  openings = 0;
  opens = 0;
  probes: Probe[] = [];
  probeSuccesses = 0;
  nextProbe = 1;
  outcomes: Outcome[] = [];
  consecutive = 0;
  readonly bucketMs: number;
  readonly buckets: number;

  readonly config: CircuitBreakerConfig;
  readonly leaseMs: number;

  constructor(config: CircuitBreakerConfig, leaseMs: number) {
    this.config = config;
    this.leaseMs = leaseMs;
    this.buckets = Math.min(60, Math.max(10, Math.ceil(config.windowMs / 1000)));
    this.bucketMs = config.windowMs / this.buckets;
  }

  get visible(): string {
    this.refresh();
    return this.isolations > 0 ? 'isolated' : this.st;
  }

  retryAfterMs(): number {
    const state = this.visible;
    if (state === 'isolated') return Infinity;
    if (state === 'open') return this.openUntil - this.now;
    if (state === 'half_open' && this.probes.length >= this.config.halfOpenMaxProbes) {
      return Math.min(...this.probes.map((p) => p.leaseEnd)) - this.now;
    }
    return 0;
  }

  /** `tryAcquire()`: the held call, or undefined when refused. */
  admit(): HeldCall | undefined {
    const state = this.visible;
    if (state === 'closed' || state === 'disabled') return { epoch: this.epoch, probe: 0 };
    if (state !== 'half_open' || this.probes.length >= this.config.halfOpenMaxProbes) return undefined;
    const probe = { id: this.nextProbe++, leaseEnd: this.now + this.leaseMs };
    this.probes.push(probe);
    return { epoch: this.epoch, probe: probe.id };
  }

  /** `release()` of a held call. */
  report(call: HeldCall, kind: OutcomeKind, durationMs: number): void {
    const failed = kind !== 'success' && this.config.failureKinds.includes(kind);
    const slow = durationMs > this.config.slowCallMs;
    if (call.epoch !== this.epoch) return;
    if (call.probe === 0) {
      if (this.st !== 'closed' || (kind !== 'success' && !failed)) return;
      const trip = this.record(failed, slow);
      if (trip) this.open(this.now);
      return;
    }
    this.refresh();
    if (this.st !== 'half_open' || call.epoch !== this.epoch) return;
    const index = this.probes.findIndex((p) => p.id === call.probe);
    if (index < 0) return;
    this.probes.splice(index, 1);
    if (failed) this.open(this.now);
    else if (kind === 'success') {
      if (slow && this.config.strategy === 'slow_call') this.open(this.now);
      else if (++this.probeSuccesses >= this.config.successThreshold) this.close();
    }
  }

  isolate(): void {
    this.refresh();
    this.isolations++;
  }

  dispose(): void {
    this.refresh();
    this.isolations--;
  }

  reset(): void {
    this.close();
  }

  disable(): void {
    if (this.st !== 'disabled') this.moveTo('disabled');
  }

  enable(): void {
    if (this.st === 'disabled') this.close();
  }

  private refresh(): void {
    if (this.st === 'half_open') {
      const expired = this.probes.filter((p) => p.leaseEnd <= this.now);
      if (expired.length > 0) {
        this.probes = this.probes.filter((p) => p.leaseEnd > this.now);
        if (this.config.failureKinds.includes('timeout'))
          this.open(Math.min(...expired.map((p) => p.leaseEnd)));
      }
    }
    if (this.st === 'open' && this.now >= this.openUntil) this.moveTo('half_open');
  }

  private open(at: number): void {
    this.openings++;
    this.opens++;
    const c = this.config;
    this.openUntil = at + Math.min(c.maxOpenMs, c.openMs * c.openBackoffMultiplier ** (this.openings - 1));
    this.moveTo('open');
  }

  private close(): void {
    this.outcomes = [];
    this.consecutive = 0;
    this.openings = 0;
    this.moveTo('closed');
  }

  private moveTo(st: Underlying): void {
    this.st = st;
    this.epoch++;
    this.probes = [];
    this.probeSuccesses = 0;
    this.nextProbe = 1;
  }

  /** Records a closed-state outcome; true when the strategy says open. */
  private record(failed: boolean, slow: boolean): boolean {
    const c = this.config;
    if (c.strategy === 'consecutive') {
      this.consecutive = failed ? this.consecutive + 1 : 0;
      return this.consecutive >= c.failureThreshold;
    }
    this.outcomes.push({ at: this.now, failed, slow: c.strategy === 'slow_call' && slow });
    let window = this.outcomes;
    if (c.strategy === 'count') window = window.slice(-c.windowSize);
    else {
      const bucket = (t: number): number => Math.floor(t / this.bucketMs);
      window = window.filter((o) => bucket(o.at) > bucket(this.now) - this.buckets);
    }
    if (window.length < c.minimumThroughput) return false;
    const failures = window.filter((o) => o.failed).length / window.length;
    const slowCalls = window.filter((o) => o.slow).length / window.length;
    return (
      failures >= c.failureRateThreshold ||
      (c.strategy === 'slow_call' && slowCalls >= c.slowCallRateThreshold)
    );
  }
}
