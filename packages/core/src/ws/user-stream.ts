import type { ResyncReason } from './protocol/server-frames.js';
import { ReplayBuffer, type BufferedEvent, type ByteLedger, type ReplayLimits } from './replay-buffer.js';

/** What a stream needs from a connection attached to it. */
export interface StreamReader {
  /** Next seq this reader will consider sending; everything below is done. */
  readonly nextSeq: number;
  /** Whether the reader is positioned (has resumed). Held readers are not behind. */
  readonly streaming: boolean;
  /** `event` left the buffer while this reader still needed it: it can no longer catch up. */
  lost(event: BufferedEvent): void;
  /** The stream starts at `seq` (the first event of a stream whose start was unknown). */
  startAt(seq: number): void;
  /** Upstream skipped to `seq`; whatever came before is gone. */
  gap(seq: number): void;
  /** A new event was appended. */
  offer(now: number): void;
}

/** How far behind a reader may fall before it is closed (see the server's `backpressure` options). */
export interface LagLimits {
  readonly maxLagEvents: number;
  readonly maxLagBytes: number;
  readonly maxLagMs: number;
}

/** How an incoming `seq` relates to the stream. */
export type SeqVerdict = 'next' | 'first' | 'gap' | 'stale';

/** Where a resuming reader starts, and whether it must resync. */
export interface ResumePosition {
  readonly nextSeq: number;
  readonly resync?: {
    readonly reason: ResyncReason;
    readonly requested_seq: number | null;
    readonly oldest_seq: number | null;
    readonly head_seq: number;
    readonly resume_from: number;
  };
}

/**
 * One user's event stream: the head seq, the replay buffer, which coalescible event of
 * each run is the latest, and the connections reading it.
 */
export class UserStream {
  /** Highest seq accepted (0: none yet, the start is unknown). */
  headSeq: number;
  /** The seq before the first one this server has seen (0 when it saw the stream start). */
  baseSeq: number;
  /** Last time an event was appended or a reader attached, on the server's clock. */
  lastActive: number;
  readonly buffer: ReplayBuffer;
  readonly readers = new Set<StreamReader>();
  private readonly latest = new Map<string, BufferedEvent>();

  readonly userId: string;

  /**
   * `knownHead`: the head of an earlier stream of this user (remembered after an idle stream
   * was dropped); `ledger`: the server-wide byte count of every replay buffer.
   */
  constructor(userId: string, limits: ReplayLimits, now: number, knownHead = 0, ledger?: ByteLedger) {
    this.userId = userId;
    this.headSeq = knownHead;
    this.baseSeq = knownHead;
    this.lastActive = now;
    this.buffer = new ReplayBuffer(limits, (event) => this.evicted(event), ledger);
  }

  /** Classifies an incoming seq: `stale` ones (<= head) must be rejected, `gap`s reset the buffer. */
  check(seq: number): SeqVerdict {
    if (this.headSeq === 0) return 'first';
    if (seq === this.headSeq + 1) return 'next';
    return seq <= this.headSeq ? 'stale' : 'gap';
  }

  /**
   * Appends an accepted event. A `gap` (upstream lost events) tells the readers and clears
   * the buffer first, so that it stays contiguous.
   */
  append(event: BufferedEvent, verdict: Exclude<SeqVerdict, 'stale'>): void {
    if (verdict === 'gap') {
      // Move readers past the gap first, so that clearing does not count as them losing events.
      for (const reader of this.readers) reader.gap(event.seq);
      this.buffer.clear();
    }
    if (verdict === 'first') {
      this.baseSeq = event.seq - 1;
      for (const reader of this.readers) reader.startAt(event.seq);
    }
    const key = event.coalesceKey;
    if (key !== undefined) {
      const previous = this.latest.get(key);
      if (previous !== undefined) previous.supersededBy = event.seq;
      this.latest.set(key, event);
    }
    this.buffer.append(event);
    this.headSeq = event.seq;
    this.lastActive = event.at;
  }

  /** Forgets the run's coalescing entries (after its terminal event nothing can supersede them). */
  endRun(runId: string, keys: readonly string[]): void {
    for (const type of keys) this.latest.delete(`${runId}\u0000${type}`);
  }

  /**
   * Where a reader resuming after `lastSeq` starts. `welcomeHead` is the head the reader
   * was told at connect: a reader told 0 that resumes from 0 has missed nothing of a
   * stream that started after it connected.
   */
  position(lastSeq: number | undefined, welcomeHead: number): ResumePosition {
    const head = this.headSeq;
    const oldest = this.buffer.oldest?.seq ?? head + 1;
    const resync = (reason: ResyncReason, from: number): ResumePosition => ({
      nextSeq: from,
      resync: {
        reason,
        requested_seq: lastSeq ?? null,
        oldest_seq: this.buffer.size > 0 ? oldest : null,
        head_seq: head,
        resume_from: from,
      },
    });
    if (lastSeq === undefined) return { nextSeq: head + 1 };
    if (head === 0) return lastSeq === 0 ? { nextSeq: 1 } : resync('unknown', 1);
    const from = lastSeq === 0 && welcomeHead === 0 ? this.baseSeq : lastSeq;
    if (from > head) return resync('ahead', oldest);
    if (from + 1 >= oldest) return { nextSeq: from + 1 };
    return resync(this.baseSeq >= from + 1 && this.baseSeq + 1 === oldest ? 'unknown' : 'evicted', oldest);
  }

  /**
   * Why a reader whose next seq is `nextSeq` is too far behind to keep, if it is: more
   * unsent events, older ones or more unsent bytes than `limits` allow.
   */
  tooFarBehind(nextSeq: number, now: number, limits: LagLimits): string | undefined {
    const first = this.buffer.get(nextSeq);
    if (first === undefined) return undefined;
    const events = this.headSeq - nextSeq + 1;
    if (events > limits.maxLagEvents) return `${events} events behind`;
    if (now - first.at > limits.maxLagMs) return `${now - first.at} ms behind`;
    const bytes = this.buffer.bytesFrom(nextSeq);
    return bytes > limits.maxLagBytes ? `${bytes} bytes behind` : undefined;
  }

  private evicted(event: BufferedEvent): void {
    const key = event.coalesceKey;
    if (key !== undefined && this.latest.get(key) === event) this.latest.delete(key);
    for (const reader of this.readers) {
      if (reader.streaming && reader.nextSeq <= event.seq) reader.lost(event);
    }
  }
}
