/** Most thread owners remembered (oldest forgotten first). */
export const MAX_KNOWN_THREADS = 100_000;

/**
 * Which user owns which thread, learned from the events themselves: the first event that
 * names a thread fixes its owner. Used to refuse a subscription to someone else's thread
 * with a clear error. Routing never depends on it (every event goes only to the streams of
 * its `user_id`), so a forgotten or unknown thread can never leak another user's events:
 * subscribing to it only narrows the subscriber's own stream.
 */
export class ThreadOwnership {
  private readonly owners = new Map<string, string>();

  private readonly capacity: number;

  constructor(capacity = MAX_KNOWN_THREADS) {
    this.capacity = capacity;
  }

  /** Number of threads whose owner is known. */
  get size(): number {
    return this.owners.size;
  }

  /**
   * Records that `userId` emitted an event of `threadId`. Returns the other user who owns
   * it already, if any (an upstream bug worth a log line; the first owner stays).
   */
  learn(threadId: string, userId: string): string | undefined {
    const owner = this.owners.get(threadId);
    if (owner !== undefined) return owner === userId ? undefined : owner;
    if (this.owners.size >= this.capacity) {
      const oldest = this.owners.keys().next();
      if (oldest.done !== true) this.owners.delete(oldest.value);
    }
    this.owners.set(threadId, userId);
    return undefined;
  }

  /** The known owner of `threadId`, if any. */
  ownerOf(threadId: string): string | undefined {
    return this.owners.get(threadId);
  }
}
