import { InvalidStateError } from '@rel/config';

const REMEMBERED_ENDED = 10_000;

/**
 * The run ids of one event stream (one dispatcher): a run id names one run, once. Running
 * runs are all kept; the last 10 000 ended ones are remembered (a late duplicate of an
 * older run cannot be told apart from a new run; say so if that matters to you). @internal
 */
export class RunIds {
  private readonly running = new Set<string>();
  private readonly ended = new Set<string>();

  /** Claims `runId` for a new run. @throws `InvalidStateError` when it is running or recently ended. */
  claim(runId: string): void {
    if (this.running.has(runId) || this.ended.has(runId)) {
      const state = this.running.has(runId) ? 'is running' : 'has ended';
      throw new InvalidStateError(
        `run id "${runId}" is already used: that run ${state}; every run needs its own id`,
      );
    }
    this.running.add(runId);
  }

  /** True when `runId` named a run that has ended (among the remembered ones). */
  hasEnded(runId: string): boolean {
    return this.ended.has(runId);
  }

  /** The run ended: its id stays taken. */
  release(runId: string): void {
    if (!this.running.delete(runId)) return;
    this.ended.add(runId);
    if (this.ended.size > REMEMBERED_ENDED) {
      const oldest = this.ended.values().next();
      if (oldest.done !== true) this.ended.delete(oldest.value);
    }
  }
}

const byStream = new WeakMap<object, RunIds>();

/** The run ids of the stream `dispatcher` numbers (shared by every wrapper emitting through it). @internal */
export function runIdsOf(dispatcher: object): RunIds {
  let ids = byStream.get(dispatcher);
  if (ids === undefined) {
    ids = new RunIds();
    byStream.set(dispatcher, ids);
  }
  return ids;
}
