/** What a subscription returns: call `dispose()` to unsubscribe. */
export interface Disposable {
  dispose(): void;
}

/**
 * A typed subscription: call it with a listener, get a {@link Disposable} back.
 * Same shape as cockatiel's `Event<T>`, so listeners port over unchanged.
 *
 * @example
 * ```ts
 * const sub = handler.onRetry((e) => log.info(e, 'retrying'));
 * sub.dispose();
 * ```
 */
export type Event<T> = (listener: (data: T) => void) => Disposable;

/** Called with any error a listener throws; see {@link setListenerErrorHandler}. */
export type ListenerErrorHandler = (error: unknown) => void;

let listenerErrorHandler: ListenerErrorHandler = (error) => {
  // A listener's bug must not break the operation that emitted the event, and must not
  // vanish either: surface it the way Node surfaces other non-fatal problems.
  globalThis.process?.emitWarning?.(
    `an @rel event listener threw: ${error instanceof Error ? error.message : String(error)}`,
    { code: 'REL_LISTENER_ERROR' },
  );
};

/** Replaces the process-wide handler for errors thrown by event listeners. Returns the previous one. */
export function setListenerErrorHandler(handler: ListenerErrorHandler): ListenerErrorHandler {
  const previous = listenerErrorHandler;
  listenerErrorHandler = handler;
  return previous;
}

/**
 * A typed event source. Check {@link EventEmitter.size} before building a payload: an
 * event nobody listens to then costs one property read. A listener that throws is
 * isolated: the others still run and the emitter's caller never sees the error.
 */
export class EventEmitter<T> {
  private listeners: Array<(data: T) => void> = [];

  /** Subscribe; the returned {@link Disposable} unsubscribes. */
  readonly event: Event<T> = (listener) => {
    // Copy-on-write keeps `emit` safe against (un)subscription from inside a listener.
    this.listeners = [...this.listeners, listener];
    let disposed = false;
    return {
      dispose: () => {
        if (disposed) return;
        disposed = true;
        const index = this.listeners.indexOf(listener);
        if (index >= 0) this.listeners = this.listeners.filter((_, i) => i !== index);
      },
    };
  };

  /** Number of current listeners. */
  get size(): number {
    return this.listeners.length;
  }

  /** Calls every listener with `data`. Never throws. */
  emit(data: T): void {
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) {
      try {
        listeners[i]!(data);
      } catch (error) {
        listenerErrorHandler(error);
      }
    }
  }
}
