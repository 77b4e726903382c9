import { systemClock, type Clock } from '@rel/config';

/** The upstream's routes: the LLM API and the tool API. */
export const UPSTREAM_ROUTES = ['chat', 'tool'] as const;
/** One of {@link UPSTREAM_ROUTES}. */
export type UpstreamRoute = (typeof UPSTREAM_ROUTES)[number];

/**
 * How a request ended: an HTTP status, `reset` when the upstream dropped the connection, or
 * `abandoned` when the client went away before the answer (an attempt timeout).
 */
export type UpstreamAnswer = number | 'reset' | 'abandoned';

/** Requests that arrived during one second of the clock. */
export interface UpstreamSecond {
  /** `floor(clock time / 1000)`. */
  readonly second: number;
  readonly requests: number;
}

/** Everything the upstream counted, now. */
export interface UpstreamCountsSnapshot {
  /** Requests received (each one is one attempt of some client). */
  readonly received: number;
  readonly byRoute: Readonly<Record<UpstreamRoute, number>>;
  /** By answer: `"200"`, `"429"`, `"500"`, `"503"`, `"reset"`, ... */
  readonly byAnswer: Readonly<Record<string, number>>;
  /** By the `x-rel-service` header the client sent (`"-"` without one). */
  readonly byService: Readonly<Record<string, number>>;
  /** The last {@link SECONDS_KEPT} seconds that saw requests, oldest first. */
  readonly perSecond: readonly UpstreamSecond[];
}

/** How many seconds of per-second counts are kept. */
export const SECONDS_KEPT = 300;

/**
 * What the flaky upstream received: per route, per answer, per calling service and per
 * second (for the page's chart). The per-second counts are a ring of {@link SECONDS_KEPT}
 * slots, so memory stays constant however long the demo runs.
 *
 * @example
 * ```ts
 * const counters = new UpstreamCounters();
 * counters.arrived('chat', 'openai');
 * counters.answered(429);
 * counters.snapshot().byAnswer; // { '429': 1 }
 * ```
 */
export class UpstreamCounters {
  private received = 0;
  private readonly byRoute: Record<UpstreamRoute, number> = { chat: 0, tool: 0 };
  private readonly byAnswer = new Map<string, number>();
  private readonly byService = new Map<string, number>();
  private readonly seconds = new Float64Array(SECONDS_KEPT).fill(-1);
  private readonly counts = new Uint32Array(SECONDS_KEPT);
  private readonly clock: Clock;

  constructor(clock: Clock = systemClock) {
    this.clock = clock;
  }

  /** Counts a request on arrival, before any fault applies. */
  arrived(route: UpstreamRoute, service: string | undefined): void {
    this.received++;
    this.byRoute[route]++;
    const key = service ?? '-';
    this.byService.set(key, (this.byService.get(key) ?? 0) + 1);
    const second = Math.floor(this.clock.now() / 1000);
    const slot = second % SECONDS_KEPT;
    if (this.seconds[slot] !== second) {
      this.seconds[slot] = second;
      this.counts[slot] = 0;
    }
    this.counts[slot]!++;
  }

  /** Counts how a request was answered. */
  answered(answer: UpstreamAnswer): void {
    const key = String(answer);
    this.byAnswer.set(key, (this.byAnswer.get(key) ?? 0) + 1);
  }

  /** Requests received so far. */
  get total(): number {
    return this.received;
  }

  /** A copy of every count. */
  snapshot(): UpstreamCountsSnapshot {
    const now = Math.floor(this.clock.now() / 1000);
    const perSecond: UpstreamSecond[] = [];
    for (let second = now - SECONDS_KEPT + 1; second <= now; second++) {
      const slot = second % SECONDS_KEPT;
      if (second >= 0 && this.seconds[slot] === second)
        perSecond.push({ second, requests: this.counts[slot]! });
    }
    return {
      received: this.received,
      byRoute: { ...this.byRoute },
      byAnswer: Object.fromEntries(this.byAnswer),
      byService: Object.fromEntries(this.byService),
      perSecond,
    };
  }
}
