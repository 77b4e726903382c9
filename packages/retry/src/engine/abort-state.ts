const NOT_ABORTED: unique symbol = Symbol('not aborted');

/**
 * The abort side of one attempt: the AbortController behind its `signal` and the reason it
 * was aborted with. An attempt creates one only when the operation reads `signal` or the
 * attempt is cut (a timeout or a cancellation), so a call that succeeds without looking at
 * its signal carries no controller and no extra object; and the controller is aborted only
 * on a timeout or a cancellation, never on success (`abort()` builds a DOMException and
 * dispatches: 24-47 us on Node 20).
 *
 * @internal
 */
export class AbortState {
  private controller: AbortController | undefined = undefined;
  private why: unknown = NOT_ABORTED;

  /** The signal, created on first read (already aborted when the attempt was cut before). */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.why !== NOT_ABORTED) this.controller.abort(this.why);
    }
    return this.controller.signal;
  }

  /** The reason it was aborted with; `undefined` if it was not. */
  get reason(): unknown {
    return this.why === NOT_ABORTED ? undefined : this.why;
  }

  /** Aborts once (later calls keep the first reason); a signal read later is already aborted. */
  abort(reason: unknown): void {
    if (this.why !== NOT_ABORTED) return;
    this.why = reason;
    this.controller?.abort(reason);
  }
}
