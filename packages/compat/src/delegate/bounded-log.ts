/**
 * The last `capacity` entries of a legacy history (the agents `RetryManager`'s 1000 calls,
 * the legacy wrapper's 100 failed calls), in a ring: constant memory, O(1) per entry.
 * Each entry carries its clock time (`at`, ms) for the legacy time windows.
 * @internal
 */
export class BoundedLog<T extends { readonly at: number }> {
  readonly capacity: number;
  private readonly ring: T[] = [];
  private head = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** Adds an entry, dropping the oldest beyond the capacity. */
  add(entry: T): void {
    if (this.ring.length < this.capacity) this.ring.push(entry);
    else {
      this.ring[this.head] = entry;
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** Entries kept. */
  get size(): number {
    return this.ring.length;
  }

  /** Entries at or after `since` (clock ms), oldest first (`-Infinity`: all of them). */
  since(since: number): T[] {
    const out: T[] = [];
    const n = this.ring.length;
    for (let i = 0; i < n; i++) {
      const entry = this.ring[(this.head + i) % n]!;
      if (entry.at >= since) out.push(entry);
    }
    return out;
  }

  /** The newest entry. */
  last(): T | undefined {
    const n = this.ring.length;
    return n === 0 ? undefined : this.ring[(this.head + n - 1) % n];
  }
}
