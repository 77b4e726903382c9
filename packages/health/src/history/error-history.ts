import type { FailureKind } from '@rel/config';

/** One entry of the error history. */
export interface ErrorHistoryEntry {
  /** Clock time (ms since the epoch) when the failure was recorded. */
  readonly time: number;
  /** The failure kind (from the shared classifier vocabulary). */
  readonly kind: FailureKind;
  /** The error's message (truncated to {@link MAX_ERROR_MESSAGE_LENGTH}), or the kind when none was given. */
  readonly message: string;
  /** The error's `name` (class), when it was an `Error`. */
  readonly name?: string;
  /** 1-based attempt number, when the sample carried one. */
  readonly attempt?: number;
}

/** Longest message kept per entry: a 10 KB provider error body must not be kept 100 times. */
export const MAX_ERROR_MESSAGE_LENGTH = 512;

/** The message to keep for a thrown value: its `message` (clipped), or the kind when there is none. */
export function errorMessage(error: unknown, kind: FailureKind): string {
  let text: string;
  if (error instanceof Error) text = error.message || error.name;
  else if (error === undefined || error === null) return kind;
  else if (typeof error === 'string') text = error;
  else if (typeof error === 'number' || typeof error === 'boolean' || typeof error === 'bigint') {
    text = String(error);
  } else if (typeof error === 'symbol') text = error.toString();
  else if (typeof (error as { message?: unknown }).message === 'string') {
    text = (error as { message: string }).message;
  } else text = Object.prototype.toString.call(error);
  return text.length > MAX_ERROR_MESSAGE_LENGTH ? `${text.slice(0, MAX_ERROR_MESSAGE_LENGTH - 3)}...` : text;
}

/**
 * The last `capacity` failures, in a fixed ring: adding is O(1) and, once full, replaces
 * the oldest entry. Reading returns the entries oldest first.
 *
 * Entries are stored in parallel arrays and only turned into objects when read. Only the
 * message and name strings are kept, never the error itself: an error can hold a whole
 * HTTP response, and 100 of those must not stay reachable.
 */
export class ErrorHistory {
  /** Most entries kept. */
  readonly capacity: number;
  private readonly times: Float64Array;
  private readonly attempts: Float64Array;
  private readonly kinds: (FailureKind | undefined)[];
  private readonly messages: string[];
  private readonly names: (string | undefined)[];
  private next = 0;
  private filled = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.times = new Float64Array(capacity);
    this.attempts = new Float64Array(capacity);
    this.kinds = new Array<FailureKind | undefined>(capacity).fill(undefined);
    this.messages = new Array<string>(capacity).fill('');
    this.names = new Array<string | undefined>(capacity).fill(undefined);
  }

  /** Adds one failure; `attempt` 0 means "not given". */
  add(time: number, kind: FailureKind, error: unknown, attempt: number): void {
    if (this.capacity === 0) return;
    const i = this.next;
    this.times[i] = time;
    this.kinds[i] = kind;
    this.messages[i] = errorMessage(error, kind);
    this.names[i] = error instanceof Error ? error.name : undefined;
    this.attempts[i] = attempt;
    this.next = i + 1 === this.capacity ? 0 : i + 1;
    if (this.filled < this.capacity) this.filled++;
  }

  /** Number of entries held. */
  get size(): number {
    return this.filled;
  }

  /** The entries, oldest first. */
  entries(): ErrorHistoryEntry[] {
    const out: ErrorHistoryEntry[] = [];
    const start = this.filled < this.capacity ? 0 : this.next;
    for (let k = 0; k < this.filled; k++) out.push(this.entryAt((start + k) % this.capacity));
    return out;
  }

  /** The newest entry, if any. */
  last(): ErrorHistoryEntry | undefined {
    if (this.filled === 0) return undefined;
    return this.entryAt((this.next - 1 + this.capacity) % this.capacity);
  }

  /** Drops every entry. */
  clear(): void {
    this.kinds.fill(undefined);
    this.messages.fill('');
    this.names.fill(undefined);
    this.next = 0;
    this.filled = 0;
  }

  private entryAt(i: number): ErrorHistoryEntry {
    const name = this.names[i];
    const attempt = this.attempts[i]!;
    return Object.freeze({
      time: this.times[i]!,
      kind: this.kinds[i]!,
      message: this.messages[i]!,
      ...(name === undefined ? {} : { name }),
      ...(attempt > 0 ? { attempt } : {}),
    });
  }
}
