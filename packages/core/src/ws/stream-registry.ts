import type { ReplayLimits } from './replay-buffer.js';
import { UserStream } from './user-stream.js';

/** Most dropped streams whose head seq is remembered (oldest forgotten first). */
export const MAX_REMEMBERED_HEADS = 100_000;

/**
 * Every user's {@link UserStream}. A stream with no readers and no event younger than the
 * replay age is dropped by {@link StreamRegistry.sweep}, so memory follows active users,
 * not every user ever seen; its head seq is remembered (bounded), so that a client that
 * comes back later with that seq is told it missed nothing instead of being asked to resync.
 */
export class StreamRegistry {
  private readonly streams = new Map<string, UserStream>();
  private readonly heads = new Map<string, number>();

  private readonly limits: ReplayLimits;

  constructor(limits: ReplayLimits) {
    this.limits = limits;
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
      stream = new UserStream(userId, this.limits, now, head);
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

  /** Gauges over every stream: users in memory, buffered events and their bytes. */
  totals(): { users: number; bufferedEvents: number; bufferedBytes: number } {
    let bufferedEvents = 0;
    let bufferedBytes = 0;
    for (const stream of this.streams.values()) {
      bufferedEvents += stream.buffer.size;
      bufferedBytes += stream.buffer.byteSize;
    }
    return { users: this.streams.size, bufferedEvents, bufferedBytes };
  }

  private remember(userId: string, head: number): void {
    if (this.heads.size >= MAX_REMEMBERED_HEADS) {
      const oldest = this.heads.keys().next();
      if (oldest.done !== true) this.heads.delete(oldest.value);
    }
    this.heads.set(userId, head);
  }
}
