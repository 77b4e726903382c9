import { AbortState } from './abort-state.js';
import type { AttemptContext } from './types.js';

/**
 * What a call reads and sets on its current attempt: an {@link Attempt}, or the first
 * attempt of one of the handler's fast paths handed over to a full call. @internal
 */
export interface AttemptState extends AttemptContext {
  readonly startedAt: number;
  /** Gate token (-1 without a gate). */
  readonly token: number;
  /** Settled, abandoned or cancelled: later settlements are ignored. */
  done: boolean;
  /** The reason the signal was (or will be) aborted with; `undefined` if it was not. */
  readonly abortReason: unknown;
  /** Aborts the signal if it exists (and makes a later read return an aborted one). */
  abort(reason: unknown): void;
}

/**
 * One attempt: the context the operation sees. Kept small (it is allocated on every
 * attempt): the time limit, when there is one, lives on the call (a call has one attempt in
 * flight at a time, so the call itself is the node of the handler's in-flight list), and
 * the AbortController behind `signal` lives in an {@link AbortState} created only when the
 * operation reads `signal` or the attempt is cut.
 *
 * @internal
 */
export class Attempt implements AttemptState {
  readonly attempt: number;
  readonly deadline: number;
  readonly startedAt: number;
  readonly token: number;
  done = false;
  private cut: AbortState | undefined = undefined;

  constructor(attempt: number, deadline: number, startedAt: number, token: number) {
    this.attempt = attempt;
    this.deadline = deadline;
    this.startedAt = startedAt;
    this.token = token;
  }

  get signal(): AbortSignal {
    return (this.cut ??= new AbortState()).signal;
  }

  get abortReason(): unknown {
    return this.cut?.reason;
  }

  abort(reason: unknown): void {
    (this.cut ??= new AbortState()).abort(reason);
  }
}
