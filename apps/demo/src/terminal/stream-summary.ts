import type { AgentEvent } from '@rel/core/client';
import type { Stylist } from './style.js';

interface Interval {
  retries: Map<string, number>;
  fallbacks: Map<string, number>;
  failed: Map<string, number>;
}

/** Runs per user so far, as the progress line shows them. */
export interface UserRunCounts {
  readonly started: number;
  readonly completed: number;
  readonly failed: number;
}

const fresh = (): Interval => ({ retries: new Map(), fallbacks: new Map(), failed: new Map() });
const bump = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
const list = (map: Map<string, number>): string =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
const total = (map: Map<string, number>): number => [...map.values()].reduce((a, b) => a + b, 0);
const str = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/**
 * Turns each user's live event stream into a few readable lines: thinking, progress and
 * tool events are only counted, while retries, fallbacks and failed runs are summed per
 * interval and printed as one line per user (`flush()`), so a busy second is one line and
 * not a flood.
 *
 * @example
 * ```ts
 * const summary = new StreamSummary(style);
 * stream.onEvent((e) => summary.add('alice', e));
 * for (const line of summary.flush()) view.line(line);
 * ```
 */
export class StreamSummary {
  private readonly style: Stylist;
  private readonly intervals = new Map<string, Interval>();
  private readonly runs = new Map<string, { started: number; completed: number; failed: number }>();

  constructor(style: Stylist) {
    this.style = style;
  }

  /** Counts one event of `userId`'s stream. */
  add(userId: string, event: AgentEvent): void {
    let interval = this.intervals.get(userId);
    if (interval === undefined) this.intervals.set(userId, (interval = fresh()));
    let runs = this.runs.get(userId);
    if (runs === undefined) this.runs.set(userId, (runs = { started: 0, completed: 0, failed: 0 }));
    const p = event.payload as Record<string, unknown>;
    switch (event.type) {
      case 'agent_started':
        runs.started++;
        break;
      case 'agent_completed':
        runs.completed++;
        break;
      case 'agent_error':
        runs.failed++;
        bump(interval.failed, str(p['error_kind'], 'error'));
        break;
      case 'agent_retrying':
        bump(interval.retries, `${str(p['service'], '?')} ${str(p['reason'], '?')}`);
        break;
      case 'agent_fallback':
        bump(interval.fallbacks, `${str(p['service'], '?')} ${str(p['reason'], '?')}`);
        break;
      default:
        break;
    }
  }

  /** Runs of `userId` so far. */
  runCounts(userId: string): UserRunCounts {
    return { ...(this.runs.get(userId) ?? { started: 0, completed: 0, failed: 0 }) };
  }

  /** One line per user with retries, fallbacks or failed runs since the last flush. */
  flush(prefix: string): string[] {
    const lines: string[] = [];
    const s = this.style;
    for (const [userId, interval] of this.intervals) {
      const parts: string[] = [];
      const retries = total(interval.retries);
      const fallbacks = total(interval.fallbacks);
      const failed = total(interval.failed);
      if (retries > 0)
        parts.push(
          s('cyan', `↻ ${retries} ${retries === 1 ? 'retry' : 'retries'} (${list(interval.retries)})`),
        );
      if (fallbacks > 0)
        parts.push(
          s(
            'magenta',
            `⤷ ${fallbacks} ${fallbacks === 1 ? 'fallback' : 'fallbacks'} (${list(interval.fallbacks)})`,
          ),
        );
      if (failed > 0)
        parts.push(
          s('red', `✗ ${failed} ${failed === 1 ? 'run' : 'runs'} failed (${list(interval.failed)})`),
        );
      if (parts.length > 0) lines.push(`${prefix} ${s('bold', userId.padEnd(6))} ${parts.join(' · ')}`);
      this.intervals.set(userId, fresh());
    }
    return lines;
  }
}
