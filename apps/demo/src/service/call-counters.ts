/** What the demo itself counted for one service, on the client side of @rel. */
export interface ServiceCallCounts {
  /** Logical calls the agents made (one per `run.tool`, LLM call or legacy call). */
  readonly calls: number;
  /** Times an operation was invoked, i.e. HTTP requests sent to the upstream. */
  readonly attempts: number;
  /** Invocations whose attempt number was above 1 (unknown for legacy calls: 0). */
  readonly retries: number;
}

interface Mutable {
  calls: number;
  attempts: number;
  retries: number;
}

/**
 * Per-service counters kept by the demo's own code: how many logical calls the agents
 * made and how many times @rel invoked the operation. The final report checks them against
 * what the upstream received and what @rel's Prometheus metrics say, so three independent
 * counts must agree.
 *
 * @example
 * ```ts
 * const counters = new CallCounters();
 * counters.call('openai');
 * counters.attempt('openai', 1);
 * counters.get('openai'); // { calls: 1, attempts: 1, retries: 0 }
 * ```
 */
export class CallCounters {
  private readonly services = new Map<string, Mutable>();

  private of(service: string): Mutable {
    let counts = this.services.get(service);
    if (counts === undefined) {
      counts = { calls: 0, attempts: 0, retries: 0 };
      this.services.set(service, counts);
    }
    return counts;
  }

  /** One logical call into @rel. */
  call(service: string): void {
    this.of(service).calls++;
  }

  /** One invocation of the operation; `attempt` is @rel's 1-based attempt number when known. */
  attempt(service: string, attempt: number | undefined): void {
    const counts = this.of(service);
    counts.attempts++;
    if (attempt !== undefined && attempt > 1) counts.retries++;
  }

  /** The counts of `service` (zeros when it made no call). */
  get(service: string): ServiceCallCounts {
    return { ...(this.services.get(service) ?? { calls: 0, attempts: 0, retries: 0 }) };
  }

  /** Every service's counts. */
  snapshot(): Record<string, ServiceCallCounts> {
    return Object.fromEntries([...this.services].map(([name, counts]) => [name, { ...counts }]));
  }

  /** Sums over every service. */
  totals(): ServiceCallCounts {
    let calls = 0;
    let attempts = 0;
    let retries = 0;
    for (const c of this.services.values()) {
      calls += c.calls;
      attempts += c.attempts;
      retries += c.retries;
    }
    return { calls, attempts, retries };
  }
}
