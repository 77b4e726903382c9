import type { Clock } from '@rel/config';

interface Window {
  /** Clock time the current window opened. */
  openedAt: number;
  /** Lines allowed in the current window so far. */
  logged: number;
  /** Lines held back since the last one that was written. */
  suppressed: number;
}

/**
 * Decides whether a repeated log line (one per failing event sink, per key) may be
 * written: at most `perWindow` lines per key every `windowMs`, and the next line that is
 * written reports how many were held back. A sink that throws on every event must not
 * turn the log into a firehose, but must not go quiet either.
 *
 * @example
 * ```ts
 * const limit = new RateLimitedLog(clock, { windowMs: 10_000, perWindow: 1 });
 * const suppressed = limit.admit('sink:ws');
 * if (suppressed >= 0) log.warn({ sink: 'ws', suppressed }, 'event sink failed');
 * ```
 */
export class RateLimitedLog {
  private readonly clock: Clock;
  private readonly windowMs: number;
  private readonly perWindow: number;
  private readonly windows = new Map<string, Window>();
  private readonly maxKeys: number;

  /**
   * @param clock - time source.
   * @param options - `windowMs` (default 10 000), `perWindow` lines per key and window
   *   (default 1), `maxKeys` distinct keys remembered (default 1 000; the oldest is forgotten).
   */
  constructor(clock: Clock, options: { windowMs?: number; perWindow?: number; maxKeys?: number } = {}) {
    this.clock = clock;
    this.windowMs = options.windowMs ?? 10_000;
    this.perWindow = options.perWindow ?? 1;
    this.maxKeys = options.maxKeys ?? 1_000;
  }

  /**
   * Returns -1 when a line for `key` must be held back now, else the number of lines held
   * back since the last one written (0 when none), and counts this one as written.
   */
  admit(key: string): number {
    const now = this.clock.now();
    let w = this.windows.get(key);
    if (w === undefined) {
      if (this.windows.size >= this.maxKeys) {
        const oldest = this.windows.keys().next();
        if (oldest.done !== true) this.windows.delete(oldest.value);
      }
      w = { openedAt: now, logged: 0, suppressed: 0 };
      this.windows.set(key, w);
    } else if (now - w.openedAt >= this.windowMs) {
      w.openedAt = now;
      w.logged = 0;
    }
    if (w.logged >= this.perWindow) {
      w.suppressed++;
      return -1;
    }
    w.logged++;
    const held = w.suppressed;
    w.suppressed = 0;
    return held;
  }
}
