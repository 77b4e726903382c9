import { EventEmitter, type Event, type TimerHandle } from '@rel/config';
import type { AgentEvent } from '../events/envelope.js';
import type { ClientMessage } from '../ws/protocol/client-messages.js';
import { PERMANENT_CLOSE_CODES, WS_CLOSE_CODES } from '../ws/protocol/close-codes.js';
import type { ControlFrame, ResyncRequiredFrame } from '../ws/protocol/server-frames.js';
import type { ClientError, ClientState, ClientStateChange, ClientStats } from './client-events.js';
import {
  resolveClientOptions,
  type ResolvedClientOptions,
  type WebSocketEventClientOptions,
} from './client-options.js';
import { parseServerFrame } from './frames.js';
import { reconnectDelay } from './reconnect-backoff.js';
import { SeqTracker } from './seq-tracker.js';
import { WS_OPEN, withToken, type WebSocketLike } from './web-socket-like.js';

// A browser may only send 1000 or 3000-4999 itself.
const STALE_CLOSE = 4000;

/**
 * Receives one user's agent events over WebSocket, in browsers and in Node: connects with
 * a token, resumes after every reconnect from the last seq it saw (so nothing is lost and
 * nothing is seen twice), reconnects with jittered exponential backoff, and validates
 * every frame. Uses only the standard `WebSocket` API.
 *
 * @example
 * ```ts
 * import { WebSocketEventClient } from '@rel/core/client';
 * const client = new WebSocketEventClient({ url: 'wss://chat.example/events', token: () => fetchToken() });
 * client.onEvent((event) => render(event));
 * client.onResync(() => reloadConversation());
 * client.connect();
 * ```
 */
export class WebSocketEventClient {
  private readonly o: ResolvedClientOptions;
  private readonly tracker: SeqTracker;
  private readonly threads: Set<string>;
  private readonly events = new EventEmitter<AgentEvent>();
  private readonly states = new EventEmitter<ClientStateChange>();
  private readonly resyncs = new EventEmitter<ResyncRequiredFrame>();
  private readonly errors = new EventEmitter<ClientError>();
  private current: ClientState = 'idle';
  private socket: WebSocketLike | undefined;
  private attempt = 0;
  private reconnectTimer: TimerHandle;
  private pingTimer: TimerHandle;
  private lastInbound = 0;
  private counts = { resyncs: 0, reconnects: 0, invalidFrames: 0, opened: 0 };

  /** Every new event of the user's stream (or subscribed threads), in seq order, once. */
  readonly onEvent: Event<AgentEvent> = this.events.event;
  /** State transitions. */
  readonly onStateChange: Event<ClientStateChange> = this.states.event;
  /** Events were lost for good (too old to replay): reload state, the stream goes on. */
  readonly onResync: Event<ResyncRequiredFrame> = this.resyncs.event;
  /** Invalid frames, server error frames, token failures, permanent closes. */
  readonly onError: Event<ClientError> = this.errors.event;

  /** @throws RelConfigError when an option is invalid. */
  constructor(options: WebSocketEventClientOptions) {
    this.o = resolveClientOptions(options);
    this.tracker = new SeqTracker(this.o.lastSeq);
    this.threads = new Set(this.o.threadIds);
  }

  get state(): ClientState {
    return this.current;
  }

  /** Highest seq received (or skipped as coalesced); what the next `resume` sends. */
  get lastSeq(): number | undefined {
    return this.tracker.lastSeq;
  }

  stats(): ClientStats {
    const t = this.tracker;
    const c = this.counts;
    return {
      received: t.accepted,
      duplicates: t.duplicates,
      coalesced: t.coalesced,
      gaps: t.gaps,
      resyncs: c.resyncs,
      reconnects: c.reconnects,
      invalidFrames: c.invalidFrames,
    };
  }

  /** Starts connecting (no-op while connecting or connected). */
  connect(): void {
    if (this.current === 'idle' || this.current === 'closed' || this.current === 'failed') {
      this.attempt = 0;
      void this.open();
    }
  }

  /** Closes the connection for good (until `connect()` again). */
  close(): void {
    const socket = this.detach();
    this.o.clock.clearTimeout(this.reconnectTimer);
    if (socket !== undefined) socket.close(1000, 'client closed');
    this.setState('closed');
  }

  /** Narrows the stream to these threads (kept across reconnects). */
  subscribe(threadIds: readonly string[]): void {
    for (const id of threadIds) this.threads.add(id);
    if (this.current === 'open') this.sendMessage({ type: 'subscribe', thread_ids: [...threadIds] });
  }

  /** Drops these threads, or all of them (back to the whole stream). */
  unsubscribe(threadIds?: readonly string[]): void {
    if (threadIds === undefined) this.threads.clear();
    else for (const id of threadIds) this.threads.delete(id);
    if (this.current !== 'open') return;
    this.sendMessage(
      threadIds === undefined ? { type: 'unsubscribe' } : { type: 'unsubscribe', thread_ids: [...threadIds] },
    );
  }

  private async open(): Promise<void> {
    this.setState('connecting');
    let token: string;
    try {
      token = typeof this.o.token === 'string' ? this.o.token : await this.o.token();
    } catch (cause) {
      this.errors.emit({ kind: 'token', message: 'the token provider failed', cause });
      return this.retry(undefined);
    }
    if (this.current !== 'connecting') return; // closed meanwhile
    if (this.counts.opened++ > 0) this.counts.reconnects++;
    let socket: WebSocketLike;
    try {
      socket = new this.o.WebSocket(withToken(this.o.url, token));
    } catch (cause) {
      this.errors.emit({ kind: 'connection', message: `cannot open the WebSocket: ${String(cause)}` });
      return this.retry(undefined);
    }
    this.socket = socket;
    this.lastInbound = this.o.clock.now();
    socket.addEventListener('message', (event) => {
      if (this.socket === socket) this.receive(event.data);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.detach();
      if (PERMANENT_CLOSE_CODES.has(event.code)) {
        const message = `the server closed the connection with ${event.code} (${event.reason}); not reconnecting`;
        this.errors.emit({ kind: 'connection', message, closeCode: event.code });
        this.setState('failed', { closeCode: event.code });
      } else this.retry(event.code);
    });
    // Failures are reported by the close event that follows; a listener must exist anyway.
    socket.addEventListener('error', () => undefined);
  }

  private receive(data: unknown): void {
    this.lastInbound = this.o.clock.now();
    const frame = parseServerFrame(data, this.o.validate);
    if (frame.kind === 'event') {
      if (this.tracker.accept(frame.event.seq, this.threads.size === 0)) this.events.emit(frame.event);
    } else if (frame.kind === 'control') this.control(frame.frame);
    else {
      this.counts.invalidFrames++;
      this.errors.emit({ kind: 'invalid_frame', message: frame.message });
    }
  }

  private control(frame: ControlFrame): void {
    switch (frame.type) {
      case 'rel.welcome':
        this.attempt = 0;
        if (this.threads.size > 0) this.sendMessage({ type: 'subscribe', thread_ids: [...this.threads] });
        // Resume from what we saw, or from the head the server just told us: either way,
        // nothing that arrives between this frame and our resume can be missed.
        this.sendMessage({ type: 'resume', last_seq: this.tracker.lastSeq ?? frame.head_seq });
        this.startPing();
        return this.setState('open');
      case 'rel.resumed':
        return this.tracker.moveTo(frame.last_seq);
      case 'rel.resync_required':
        this.tracker.moveTo(frame.resume_from - 1);
        this.counts.resyncs++;
        return this.resyncs.emit(frame);
      case 'rel.coalesced':
        return this.tracker.skip(frame.seqs);
      case 'rel.error':
        return this.errors.emit({ kind: 'server_error', code: frame.code, message: frame.message });
      case 'rel.subscribed':
      case 'rel.pong':
        return;
    }
  }

  private retry(closeCode: number | undefined): void {
    const policy = this.o.reconnect;
    if (policy === false || this.attempt >= policy.maxAttempts) {
      this.errors.emit({ kind: 'connection', message: 'connection lost; no reconnect attempts left' });
      return this.setState('failed', closeCode === undefined ? {} : { closeCode });
    }
    this.attempt++;
    // An expired token is not an outage: come back at once with a fresh one.
    const expired = closeCode === WS_CLOSE_CODES.TOKEN_EXPIRED && this.attempt === 1;
    const delayMs = expired ? 0 : reconnectDelay(this.attempt, policy, this.o.random);
    this.setState('reconnecting', { delayMs, ...(closeCode === undefined ? {} : { closeCode }) });
    this.reconnectTimer = this.o.clock.setTimeout(() => void this.open(), delayMs);
  }

  private startPing(): void {
    const interval = this.o.pingIntervalMs;
    if (interval === 0) return;
    this.o.clock.clearTimeout(this.pingTimer);
    this.pingTimer = this.o.clock.setTimeout(() => {
      const socket = this.socket;
      if (socket === undefined) return;
      if (this.o.clock.now() - this.lastInbound > 2 * interval) {
        // Silent for two intervals: the path is dead even if TCP has not noticed yet.
        this.detach();
        socket.close(STALE_CLOSE, 'no traffic from the server');
        return this.retry(undefined);
      }
      this.sendMessage({ type: 'ping' });
      this.startPing();
    }, interval);
  }

  private sendMessage(message: ClientMessage): void {
    if (this.socket?.readyState === WS_OPEN) this.socket.send(JSON.stringify(message));
  }

  private detach(): WebSocketLike | undefined {
    const socket = this.socket;
    this.socket = undefined;
    this.o.clock.clearTimeout(this.pingTimer);
    return socket;
  }

  private setState(state: ClientState, extra: { closeCode?: number; delayMs?: number } = {}): void {
    const previous = this.current;
    this.current = state;
    if (previous === state || this.states.size === 0) return;
    this.states.emit({ state, previous, attempt: this.attempt, ...extra });
  }
}
