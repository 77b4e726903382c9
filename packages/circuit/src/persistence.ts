import { InvalidStateError } from '@rel/config';
import type { CircuitSnapshot } from './snapshot.js';
import type { CircuitStateStore } from './store.js';

/** What {@link StatePersistence} needs from its breaker. @internal */
export interface PersistedBreaker {
  readonly name: string;
  /** Takes a snapshot (applying due transitions first). */
  snapshot(): CircuitSnapshot;
  /** Validates and applies a stored snapshot. */
  restore(snapshot: unknown): void;
  /** Reports a failed save. */
  failed(error: unknown): void;
}

/**
 * Saves a breaker's snapshot to its store after state changes, write-behind: the call that
 * caused the change never waits for the store, and saves run one at a time in order, so
 * a slow save can never overwrite a newer one. Changes that happen while a save is queued
 * are folded into it (it snapshots when it runs, so it carries the newest state).
 * @internal
 */
export class StatePersistence {
  private chain: Promise<void> = Promise.resolve();
  private queued = false;

  private readonly breaker: PersistedBreaker;
  private readonly store: CircuitStateStore;

  constructor(breaker: PersistedBreaker, store: CircuitStateStore) {
    this.breaker = breaker;
    this.store = store;
  }

  /** The persistence of a breaker that must have a store. */
  static require(persistence: StatePersistence | undefined, name: string): StatePersistence {
    if (persistence === undefined) {
      throw new InvalidStateError(`circuit breaker "${name}" has no store; pass { store } when creating it`);
    }
    return persistence;
  }

  /** Queues a save of the state as it will be when the save runs. */
  schedule(): void {
    if (this.queued) return;
    this.queued = true;
    this.chain = this.chain.then(() => this.saveNow());
  }

  /** Saves now (after any queued save); resolves once stored. A failure is reported and rejects. */
  save(): Promise<void> {
    const run = this.chain.then(() => this.saveNow(true));
    // The chain itself never rejects: one failed save must not stop later ones.
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Loads and restores the stored snapshot; false when the store has none. */
  async load(): Promise<boolean> {
    const stored: unknown = await this.store.load(this.breaker.name);
    if (stored === undefined || stored === null) return false;
    this.breaker.restore(stored);
    return true;
  }

  private async saveNow(rethrow = false): Promise<void> {
    this.queued = false;
    try {
      await this.store.save(this.breaker.name, this.breaker.snapshot());
    } catch (error) {
      this.breaker.failed(error);
      if (rethrow) throw error;
    }
  }
}
