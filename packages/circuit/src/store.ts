import type { CircuitSnapshot } from './snapshot.js';

/**
 * Where breakers keep their state between restarts. Both methods may be synchronous or
 * return a promise, so a file, Redis or a database can sit behind it.
 *
 * A breaker with a store saves its snapshot after every state change (write-behind: the
 * call that caused the change never waits for the store) and loads it on `load()`.
 * Snapshots passed to `save` are plain JSON-safe objects that nobody mutates afterwards.
 *
 * @example
 * ```ts
 * const redisStore: CircuitStateStore = {
 *   load: async (name) => {
 *     const text = await redis.get(`breaker:${name}`);
 *     return text === null ? undefined : JSON.parse(text);
 *   },
 *   save: async (name, snapshot) => void (await redis.set(`breaker:${name}`, JSON.stringify(snapshot))),
 * };
 * ```
 */
export interface CircuitStateStore {
  /** The last saved snapshot of breaker `name` (unvalidated: the breaker validates it), or `undefined`. */
  load(name: string): unknown;
  /** Keeps `snapshot` as the state of breaker `name`, replacing any earlier one. */
  save(name: string, snapshot: CircuitSnapshot): void | Promise<void>;
}

/**
 * A {@link CircuitStateStore} in process memory: for tests, and for breakers that are
 * re-created within one process (a hot reload keeps their state).
 *
 * @example
 * ```ts
 * const store = new InMemoryCircuitStateStore();
 * const breaker = new UnifiedCircuitBreaker('db', config, { store });
 * ```
 */
export class InMemoryCircuitStateStore implements CircuitStateStore {
  private readonly snapshots = new Map<string, CircuitSnapshot>();

  /** @inheritDoc */
  load(name: string): CircuitSnapshot | undefined {
    return this.snapshots.get(name);
  }

  /** @inheritDoc */
  save(name: string, snapshot: CircuitSnapshot): void {
    this.snapshots.set(name, snapshot);
  }

  /** Names with a stored snapshot. */
  names(): string[] {
    return [...this.snapshots.keys()];
  }

  /** Forgets the snapshot of `name`; true when there was one. */
  delete(name: string): boolean {
    return this.snapshots.delete(name);
  }
}
