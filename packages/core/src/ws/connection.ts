import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { TokenClaims } from './auth/token-verifier.js';
import type { ResolvedServerOptions } from './options.js';
import type { ClientMessage } from './protocol/client-messages.js';
import { WS_CLOSE_CODES } from './protocol/close-codes.js';
import type { ControlFrame, ErrorFrame } from './protocol/server-frames.js';
import type { BufferedEvent } from './replay-buffer.js';
import type { WebSocketServerStats } from './stats.js';
import type { FlushScheduler, Flushable } from './flush-scheduler.js';
import { FrameWriter } from './frame-writer.js';
import type { ThreadOwnership } from './thread-ownership.js';
import { ThreadSubscription } from './thread-subscription.js';
import type { StreamReader, UserStream } from './user-stream.js';

/** What every connection shares with its server. */
export interface ConnectionContext {
  readonly options: ResolvedServerOptions;
  readonly stats: WebSocketServerStats;
  readonly logger: Logger;
  readonly ownership: ThreadOwnership;
  readonly flusher: FlushScheduler;
}

/**
 * One authenticated client. It reads its user's {@link UserStream} through a cursor
 * (`nextSeq`): events are never copied per connection, so a connection's own memory is
 * what `ws` buffers for it, kept under `highWaterBytes` plus one frame by its
 * {@link FrameWriter}. While that is full the cursor waits, and only then are superseded
 * thinking/progress events skipped (announced with `rel.coalesced`).
 */
export class Connection implements StreamReader, Flushable {
  state: 'held' | 'streaming' | 'closed' = 'held';
  nextSeq = 0;
  /** Cleared by each heartbeat, set by a pong or any message. */
  alive = true;
  queued = false;
  private replayTo = 0;
  private readonly threads: ThreadSubscription;
  private readonly writer: FrameWriter;
  private skipped: number[] | undefined;
  /** The user's head seq when this connection was accepted (told in `rel.welcome`). */
  readonly welcomeHead: number;
  /** This connection's logger. */
  readonly log: Logger;

  readonly id: string;
  readonly ws: WebSocket;
  readonly claims: TokenClaims;
  readonly stream: UserStream;
  private readonly ctx: ConnectionContext;

  constructor(
    id: string,
    ws: WebSocket,
    socket: Duplex,
    claims: TokenClaims,
    stream: UserStream,
    ctx: ConnectionContext,
  ) {
    this.id = id;
    this.ws = ws;
    this.writer = new FrameWriter(ws, socket, ctx.options.backpressure.highWaterBytes, ctx.stats, () =>
      this.pump(),
    );
    this.claims = claims;
    this.stream = stream;
    this.ctx = ctx;
    this.welcomeHead = stream.headSeq;
    this.log = ctx.logger.child({ connection: id, user_id: claims.userId });
    this.threads = new ThreadSubscription(claims, ctx.ownership);
    stream.readers.add(this);
  }

  get streaming(): boolean {
    return this.state === 'streaming';
  }

  /** Acts on one valid client message. */
  handle(message: ClientMessage, now: number): void {
    switch (message.type) {
      case 'resume':
        return this.resume(message.last_seq, now);
      case 'subscribe': {
        const refused = this.threads.add(message.thread_ids);
        if (refused !== undefined) return this.reject(refused);
        return this.sendControl({ type: 'rel.subscribed', thread_ids: this.threads.list() });
      }
      case 'unsubscribe':
        this.threads.remove(message.thread_ids);
        return this.sendControl({ type: 'rel.subscribed', thread_ids: this.threads.list() });
      case 'ping':
        return this.sendControl({
          type: 'rel.pong',
          ...(message.id === undefined ? {} : { id: message.id }),
          server_time: new Date(now).toISOString(),
        });
    }
  }

  /** A new event was appended to the stream: queue a write, or check how far behind we are. */
  offer(now: number): void {
    if (this.state !== 'streaming') return;
    if (!this.writer.waiting) return this.ctx.flusher.schedule(this);
    const why = this.stream.tooFarBehind(this.nextSeq, now, this.ctx.options.backpressure);
    if (why !== undefined) this.closeSlow(why);
  }

  /** Writes the pending events as one batch (one `writev` for the corked socket). */
  flush(): void {
    if (this.state !== 'streaming' || this.writer.waiting) return;
    this.writer.batch(() => this.pump());
  }

  /** Writes events from the cursor until caught up or the socket buffer is full. */
  pump(): void {
    const writer = this.writer;
    if (this.state !== 'streaming' || writer.waiting) return;
    const stream = this.stream;
    // Only a congested connection coalesces: one that keeps up gets every event.
    const coalesce = writer.congested && this.ctx.options.backpressure.coalesce;
    while (this.nextSeq <= stream.headSeq) {
      const event = stream.buffer.get(this.nextSeq);
      if (event === undefined) return this.lost();
      this.nextSeq++;
      if (!this.threads.accepts(event.threadId)) continue;
      if (coalesce && event.supersededBy !== 0) {
        (this.skipped ??= []).push(event.seq);
        this.ctx.stats.eventsCoalesced++;
        continue;
      }
      if (this.skipped !== undefined) this.writeSkipped();
      this.ctx.stats.eventsSent++;
      if (event.seq <= this.replayTo) this.ctx.stats.eventsReplayed++;
      writer.write(event.data);
      if (writer.waiting) return;
    }
    if (this.skipped !== undefined) this.writeSkipped();
    writer.congested = false; // caught up: back to delivering everything
  }

  /** The stream's start became known (first event of a stream that was empty when we resumed). */
  startAt(seq: number): void {
    if (this.state === 'streaming' && this.nextSeq === 1) this.nextSeq = seq;
  }

  /** An event we still needed left the replay buffer: we cannot catch up any more. */
  lost(event?: BufferedEvent): void {
    this.closeSlow(`seq ${event?.seq ?? this.nextSeq} left the replay buffer before it was sent`);
  }

  /** Upstream skipped seqs: tell the client to resync and continue at `seq`. */
  gap(seq: number): void {
    if (this.state !== 'streaming') return;
    this.pump(); // what is still owed from before the gap goes first
    this.skipped = undefined;
    this.nextSeq = seq;
    this.ctx.stats.resyncs++;
    this.sendControl({
      type: 'rel.resync_required',
      reason: 'gap',
      requested_seq: null,
      oldest_seq: null,
      head_seq: this.stream.headSeq,
      resume_from: seq,
    });
  }

  /** Closes with `code` (idempotent) and stops reading the stream. */
  close(code: number, reason: string): void {
    if (this.state === 'closed') return;
    this.detach();
    this.ws.close(code, reason);
  }

  /** Stops reading the stream (the socket closed or is closing). */
  detach(): void {
    this.state = 'closed';
    this.stream.readers.delete(this);
  }

  /** Whether everything this connection owes has been handed to the kernel. */
  get drained(): boolean {
    return (
      this.state === 'closed' ||
      !this.writer.open ||
      (this.writer.buffered === 0 && (this.state === 'held' || this.nextSeq > this.stream.headSeq))
    );
  }

  /** Answers a bad message with a `rel.error` frame. */
  reject(error: ErrorFrame): void {
    this.ctx.stats.invalidMessages++;
    this.sendControl(error);
  }

  private resume(lastSeq: number | undefined, now: number): void {
    if (this.state !== 'held') {
      return this.reject({
        type: 'rel.error',
        code: 'invalid_state',
        message: 'resume is accepted once per connection; reconnect to resume from another seq',
      });
    }
    // Events past the age limit are gone even if no append or sweep has evicted them yet.
    this.stream.buffer.evictExpired(now);
    const position = this.stream.position(lastSeq, this.welcomeHead);
    this.state = 'streaming';
    this.nextSeq = position.nextSeq;
    this.replayTo = this.stream.headSeq;
    if (position.resync !== undefined) {
      this.ctx.stats.resyncs++;
      this.sendControl({ type: 'rel.resync_required', ...position.resync });
    } else {
      this.sendControl({
        type: 'rel.resumed',
        last_seq: position.nextSeq - 1,
        head_seq: this.stream.headSeq,
      });
    }
    this.pump();
  }

  private writeSkipped(): void {
    const seqs = this.skipped!;
    this.skipped = undefined;
    this.writer.write(Buffer.from(JSON.stringify({ type: 'rel.coalesced', seqs })));
  }

  /** Sends a control frame, after any events already queued for this connection. */
  sendControl(frame: ControlFrame): void {
    // Events already queued for this connection go first: frames keep their order.
    if (this.queued) this.pump();
    // Replies are tiny, but a client that sends without reading could still pile them up.
    if (!this.writer.control(frame)) this.closeSlow('not reading its replies');
  }

  /** Closes with 1013: the client is too far behind and should resume from its last seq. */
  closeSlow(why: string): void {
    if (this.state === 'closed') return;
    this.ctx.stats.slowClientCloses++;
    this.log.info({ next_seq: this.nextSeq, head_seq: this.stream.headSeq }, `slow client closed: ${why}`);
    this.close(WS_CLOSE_CODES.TRY_AGAIN_LATER, 'too far behind; reconnect and resume from your last seq');
  }
}
