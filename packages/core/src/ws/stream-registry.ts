import type { ByteLedger, ReplayLimits } from './replay-buffer.js';
import { UserStream } from './user-stream.js';

/** Most dropped streams whose head seq is remembered (oldest forgotten first). */
export const MAX_REMEMBERED_HEADS = 100_000;

/**
 * When the replay buffers together pass `maxTotalBytes`, they are trimmed to this share of
 * it, so that the trim (a pass over every stream) runs once per tenth of the bound of new
 * traffic, not on every event.
 */
export const TRIM_TARGET = 0.9;

/** Bounds of every stream: each one's {@link ReplayLimits}, and the bytes of all of them. */
export interface RegistryLimits extends ReplayLimits {
  readonly maxTotalBytes: number;
}

/**
 * Every user's {@link UserStream}. A stream with no readers and no event younger than the
 * replay age is dropped by {@link StreamRegistry.sweep}, so memory follows active users,
 * not every user ever seen; its head seq is remembered (bounded), so that a client that
 * comes back later with that seq is told it missed nothing instead of being asked to resync.
 */
export class StreamRegistry {
  private readonly streams = new Map<string, UserStream>();
  private readonly heads = new Map<string, number>();
  private readonly ledger: ByteLedger = { bytes: 0 };

  private readonly limits: RegistryLimits;

  constructor(limits: RegistryLimits) {
    this.limits = limits;
  }

  /** Bytes held by every replay buffer. */
  get totalBytes(): number {
    return this.ledger.bytes;
  }

  /** Number of streams in memory. */
  get size(): number {
    return this.streams.size;
  }

  get(userId: string): UserStream | undefined {
    return this.streams.get(userId);
  }

  /** The user's stream, created (with a remembered head, if any) when missing. */
  open(userId: string, now: number): UserStream {
    let stream = this.streams.get(userId);
    if (stream === undefined) {
      const head = this.heads.get(userId) ?? 0;
      this.heads.delete(userId);
      stream = new UserStream(userId, this.limits, now, head, this.ledger);
      this.streams.set(userId, stream);
    }
    return stream;
  }

  /** Evicts expired events everywhere and drops idle, empty, unread streams. */
  sweep(now: number): void {
    for (const [userId, stream] of this.streams) {
      stream.buffer.evictExpired(now);
      if (
        stream.buffer.size === 0 &&
        stream.readers.size === 0 &&
        now - stream.lastActive >= this.limits.maxAgeMs
      ) {
        this.streams.delete(userId);
        if (stream.headSeq > 0) this.remember(userId, stream.headSeq);
      }
    }
  }

  /**
   * Keeps the replay buffers together within `maxTotalBytes`: past it, the largest buffers
   * lose their oldest events first, down to one common level (water-filling), until the
   * total is {@link TRIM_TARGET} of the bound. Small buffers, the common case of many light
   * users, are untouched; every buffer keeps its newest event. A reader that still needed an
   * evicted event is told to resync, as with any eviction. Returns how many events left.
   */
  enforceTotal(): number {
    const max = this.limits.maxTotalBytes;
    if (this.ledger.bytes <= max) return 0;
    const target = Math.floor(max * TRIM_TARGET);
    const buffers = [...this.streams.values()].map((s) => s.buffer);
    // The highest level L with sum(min(size, L)) <= target, by bisection over byte counts
    // (about 30 passes over the sizes; the trim itself is rare, see TRIM_TARGET).
    const sizes = buffers.map((b) => b.byteSize);
    let low = 0;
    let high = 0;
    // A loop, not Math.max(...sizes): spreading 100k+ arguments overflows the stack.
    for (const size of sizes) if (size > high) high = size;
    while (low < high) {
      const level = Math.ceil((low + high) / 2);
      let sum = 0;
      for (const size of sizes) sum += Math.min(size, level);
      if (sum <= target) low = level;
      else high = level - 1;
    }
    let evicted = 0;
    for (const buffer of buffers) if (buffer.byteSize > low) evicted += buffer.trimTo(low);
    return evicted;
  }

  /** Gauges over every stream: users in memory, buffered events and their bytes. */
  totals(): { users: number; bufferedEvents: number; bufferedBytes: number } {
    let bufferedEvents = 0;
    for (const stream of this.streams.values()) {
      bufferedEvents += stream.buffer.size;
    }
    return { users: this.streams.size, bufferedEvents, bufferedBytes: this.ledger.bytes };
  }

  private remember(userId: string, head: number): void {
    if (this.heads.size >= MAX_REMEMBERED_HEADS) {
      const oldest = this.heads.keys().next();
      if (oldest.done !== true) this.heads.delete(oldest.value);
    }
    this.heads.set(userId, head);
  }
}
